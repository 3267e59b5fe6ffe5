//! Screen-space grid clustering of event positions. Pure logic, no egui.
//!
//! The grid is anchored in absolute "world pixels" (world units × pixels per world unit at the
//! cluster zoom), not in the widget, so clusters stay put while the map is panned and only
//! change when the zoom crosses a bucket boundary. One pass over the points, O(n).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use crate::basemap::pixels_per_world_unit;
use crate::store::EventIdx;

/// Side of a grid cell in screen points: events closer than about this merge.
pub const CELL_PX: f64 = 44.0;

/// Clusters are recomputed only when the zoom crosses one of these steps.
pub const ZOOM_STEP: f64 = 0.5;

/// Neighbouring cells whose centres are closer than this (screen points) merge, so that a
/// grid line never splits two events a few points apart.
pub const MERGE_PX: f64 = CELL_PX * 0.6;

/// The zoom the grid is built for: the view's zoom rounded down to a step, so continuous
/// zooming re-clusters a few times per level rather than every frame.
pub fn zoom_bucket(zoom: f64) -> f64 {
    (zoom / ZOOM_STEP).floor() * ZOOM_STEP
}

/// One grid cell that holds at least one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean position of the members, world units.
    pub world: [f64; 2],
    /// Bounding box of the members `[min x, min y, max x, max y]`, world units.
    pub extent: [f64; 4],
    pub count: u32,
    /// Members are `Clustering::members[start .. start + count]`.
    pub start: u32,
    /// The member shown for the cluster: most killed, then latest.
    pub representative: EventIdx,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    cell: (i64, i64),
}

/// What a cluster pass needs to know about one event.
#[derive(Debug, Clone, Copy)]
pub struct ClusterInput {
    pub event: EventIdx,
    pub world: [f64; 2],
    pub killed: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// Multiplicative hashing for grid keys: SipHash would be most of the cost of a pass.
#[derive(Default)]
pub struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type CellMap = HashMap<(i64, i64), u32, BuildHasherDefault<CellHasher>>;

/// The clusters of one set of events at one zoom bucket.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    pub zoom: f64,
    pub clusters: Vec<Cluster>,
    /// Event indices grouped by cluster.
    pub members: Vec<EventIdx>,
    cells: CellMap,
}

impl Clustering {
    /// Groups the points into grid cells of `CELL_PX` screen points at `zoom`.
    pub fn build(points: &[ClusterInput], zoom: f64) -> Clustering {
        let cell_world = CELL_PX / pixels_per_world_unit(zoom);
        let mut cells =
            CellMap::with_capacity_and_hasher(points.len().min(1 << 16), Default::default());
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut sums: Vec<[f64; 2]> = Vec::new();
        let mut best_killed: Vec<u32> = Vec::new();
        let mut cluster_of = Vec::with_capacity(points.len());
        for p in points {
            let cell = cell_key(p.world, cell_world);
            let ci = *cells.entry(cell).or_insert_with(|| {
                clusters.push(Cluster {
                    world: [0.0; 2],
                    extent: [p.world[0], p.world[1], p.world[0], p.world[1]],
                    count: 0,
                    start: 0,
                    representative: p.event,
                    first_day: p.first_day,
                    last_day: p.last_day,
                    cell,
                });
                sums.push([0.0; 2]);
                best_killed.push(p.killed);
                (clusters.len() - 1) as u32
            });
            let c = &mut clusters[ci as usize];
            c.count += 1;
            c.extent = [
                c.extent[0].min(p.world[0]),
                c.extent[1].min(p.world[1]),
                c.extent[2].max(p.world[0]),
                c.extent[3].max(p.world[1]),
            ];
            c.first_day = c.first_day.min(p.first_day);
            c.last_day = c.last_day.max(p.last_day);
            // Points come in time order, so ">=" prefers the later of two equal tolls.
            if p.killed >= best_killed[ci as usize] {
                best_killed[ci as usize] = p.killed;
                c.representative = p.event;
            }
            let s = &mut sums[ci as usize];
            s[0] += p.world[0];
            s[1] += p.world[1];
            cluster_of.push(ci);
        }
        let (mut clusters, sums) = merge_close_neighbours(
            clusters,
            sums,
            best_killed,
            &mut cells,
            &mut cluster_of,
            zoom,
        );
        // Counting sort of the members by cluster.
        let mut next = Vec::with_capacity(clusters.len());
        let mut offset = 0u32;
        for (c, s) in clusters.iter_mut().zip(&sums) {
            c.start = offset;
            c.world = [s[0] / f64::from(c.count), s[1] / f64::from(c.count)];
            next.push(offset);
            offset += c.count;
        }
        let mut members = vec![0; points.len()];
        for (p, &ci) in points.iter().zip(&cluster_of) {
            let slot = &mut next[ci as usize];
            members[*slot as usize] = p.event;
            *slot += 1;
        }
        Clustering {
            zoom,
            clusters,
            members,
            cells,
        }
    }

    pub fn members_of(&self, cluster: &Cluster) -> &[EventIdx] {
        &self.members[cluster.start as usize..(cluster.start + cluster.count) as usize]
    }

    /// Clusters whose cell is the one under `world` or one of its eight neighbours: the only
    /// ones whose drawn symbol can be under the pointer.
    pub fn near(&self, world: [f64; 2]) -> impl Iterator<Item = usize> + '_ {
        let cell_world = CELL_PX / pixels_per_world_unit(self.zoom);
        let (cx, cy) = cell_key(world, cell_world);
        (-1..=1)
            .flat_map(move |dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
            .filter_map(|k| self.cells.get(&k).map(|&i| i as usize))
    }

    /// True when all members sit so close together that zooming in cannot split them.
    pub fn is_stack(&self, cluster: &Cluster) -> bool {
        let w = cluster.extent[2] - cluster.extent[0];
        let h = cluster.extent[3] - cluster.extent[1];
        // At zoom 16 one world unit is 16.7 M points; under a few points apart is one spot.
        w.max(h) * pixels_per_world_unit(16.0) < 4.0
    }

    /// The grid cell a cluster occupies (for tests and diagnostics).
    pub fn cell_of(&self, cluster: &Cluster) -> (i64, i64) {
        cluster.cell
    }
}

/// Joins clusters of adjacent cells whose mean positions are closer than `MERGE_PX`, and
/// remaps the cell map and each point's cluster to the merged clusters.
fn merge_close_neighbours(
    clusters: Vec<Cluster>,
    sums: Vec<[f64; 2]>,
    best_killed: Vec<u32>,
    cells: &mut CellMap,
    cluster_of: &mut [u32],
    zoom: f64,
) -> (Vec<Cluster>, Vec<[f64; 2]>) {
    fn find(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            parent[i as usize] = parent[parent[i as usize] as usize];
            i = parent[i as usize];
        }
        i
    }
    let merge_world = MERGE_PX / pixels_per_world_unit(zoom);
    let mean = |i: usize| {
        [
            sums[i][0] / f64::from(clusters[i].count),
            sums[i][1] / f64::from(clusters[i].count),
        ]
    };
    let mut parent: Vec<u32> = (0..clusters.len() as u32).collect();
    let mut merged_any = false;
    for (i, cluster) in clusters.iter().enumerate() {
        let (cx, cy) = cluster.cell;
        // Half of the neighbourhood: each pair of cells is looked at once.
        for (dx, dy) in [(1, -1), (1, 0), (1, 1), (0, 1)] {
            let Some(&j) = cells.get(&(cx + dx, cy + dy)) else {
                continue;
            };
            let (a, b) = (mean(i), mean(j as usize));
            if (a[0] - b[0]).hypot(a[1] - b[1]) < merge_world {
                let (ri, rj) = (find(&mut parent, i as u32), find(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj) as usize] = ri.min(rj);
                    merged_any = true;
                }
            }
        }
    }
    if !merged_any {
        return (clusters, sums);
    }
    let mut new_index = vec![u32::MAX; clusters.len()];
    let mut out: Vec<Cluster> = Vec::new();
    let mut out_sums: Vec<[f64; 2]> = Vec::new();
    let mut out_best: Vec<u32> = Vec::new();
    for i in 0..clusters.len() {
        let root = find(&mut parent, i as u32) as usize;
        if new_index[root] == u32::MAX {
            new_index[root] = out.len() as u32;
            out.push(clusters[root].clone());
            out_sums.push(sums[root]);
            out_best.push(best_killed[root]);
        }
        if root == i {
            continue;
        }
        let k = new_index[root] as usize;
        let (c, o) = (&clusters[i], &mut out[k]);
        o.count += c.count;
        o.extent = [
            o.extent[0].min(c.extent[0]),
            o.extent[1].min(c.extent[1]),
            o.extent[2].max(c.extent[2]),
            o.extent[3].max(c.extent[3]),
        ];
        o.first_day = o.first_day.min(c.first_day);
        o.last_day = o.last_day.max(c.last_day);
        if best_killed[i] > out_best[k] {
            out_best[k] = best_killed[i];
            o.representative = c.representative;
        }
        out_sums[k][0] += sums[i][0];
        out_sums[k][1] += sums[i][1];
    }
    let mut final_index = vec![0u32; clusters.len()];
    for (i, f) in final_index.iter_mut().enumerate() {
        *f = new_index[find(&mut parent, i as u32) as usize];
    }
    for v in cells.values_mut() {
        *v = final_index[*v as usize];
    }
    for c in cluster_of.iter_mut() {
        *c = final_index[*c as usize];
    }
    (out, out_sums)
}

fn cell_key(world: [f64; 2], cell_world: f64) -> (i64, i64) {
    (
        (world[0] / cell_world).floor() as i64,
        (world[1] / cell_world).floor() as i64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::lonlat_to_world;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, d).unwrap()
    }

    fn input(event: EventIdx, lon: f64, lat: f64, killed: u32) -> ClusterInput {
        ClusterInput {
            event,
            world: lonlat_to_world(lon, lat),
            killed,
            first_day: day(1 + event as u32 % 28),
            last_day: day(1 + event as u32 % 28),
        }
    }

    /// Baghdad, Balad (~70 km north) and Erbil (~320 km north).
    fn three_places() -> Vec<ClusterInput> {
        vec![
            input(0, 44.36, 33.31, 3),
            input(1, 44.15, 34.01, 0),
            input(2, 44.01, 36.19, 12),
            input(3, 44.36, 33.31, 1),
        ]
    }

    #[test]
    fn low_zoom_groups_nearby_events_and_counts_them() {
        let c = Clustering::build(&three_places(), 3.0);
        let total: u32 = c.clusters.iter().map(|c| c.count).sum();
        assert_eq!(total, 4);
        // At zoom 3 a cell is ~1.9° wide: Baghdad and Balad are one cluster (Erbil may join).
        assert!(c.clusters.len() <= 2, "{:?}", c.clusters);
        let baghdad = c
            .clusters
            .iter()
            .find(|cl| c.members_of(cl).contains(&0))
            .unwrap();
        let members = c.members_of(baghdad);
        assert!([0, 1, 3].iter().all(|m| members.contains(m)), "{members:?}");
        // The representative is the member with most killed.
        let pts = three_places();
        let most = members.iter().max_by_key(|&&m| pts[m].killed).unwrap();
        assert_eq!(baghdad.representative, *most);
    }

    #[test]
    fn clusters_split_as_zoom_increases() {
        let pts = three_places();
        let counts: Vec<usize> = [2.0, 5.0, 8.0, 12.0]
            .iter()
            .map(|&z| Clustering::build(&pts, z).clusters.len())
            .collect();
        assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
        // At zoom 12 the three distinct places are three clusters; the two Baghdad events
        // share a spot and stay together.
        assert_eq!(*counts.last().unwrap(), 3);
        let c = Clustering::build(&pts, 12.0);
        let stack = c.clusters.iter().find(|c| c.count == 2).unwrap();
        assert!(c.is_stack(stack));
        let single = c.clusters.iter().find(|c| c.count == 1).unwrap();
        assert!(!c.is_stack(single) || single.count == 1);
    }

    #[test]
    fn members_are_a_partition_of_the_input() {
        let pts: Vec<ClusterInput> = (0..500)
            .map(|i| {
                input(
                    i,
                    38.0 + (i % 37) as f64 * 0.3,
                    30.0 + (i % 23) as f64 * 0.25,
                    0,
                )
            })
            .collect();
        let c = Clustering::build(&pts, 6.0);
        let mut all = c.members.clone();
        all.sort();
        assert_eq!(all, (0..500).collect::<Vec<_>>());
        for cl in &c.clusters {
            for &m in c.members_of(cl) {
                let w = pts[m].world;
                assert!(w[0] >= cl.extent[0] && w[0] <= cl.extent[2]);
                assert!(w[1] >= cl.extent[1] && w[1] <= cl.extent[3]);
            }
        }
    }

    #[test]
    fn near_finds_the_cluster_under_a_point() {
        let pts = three_places();
        let c = Clustering::build(&pts, 10.0);
        let erbil = pts[2].world;
        let found: Vec<usize> = c.near(erbil).collect();
        assert!(found.iter().any(|&i| c.members_of(&c.clusters[i]) == [2]));
        // Far from every event: nothing.
        assert_eq!(c.near(lonlat_to_world(10.0, 10.0)).count(), 0);
    }

    #[test]
    fn cluster_time_span_covers_members() {
        let c = Clustering::build(&three_places(), 1.0);
        assert_eq!(c.clusters.len(), 1);
        assert_eq!(c.clusters[0].first_day, day(1));
        assert_eq!(c.clusters[0].last_day, day(4));
    }

    #[test]
    fn a_grid_line_does_not_split_close_events() {
        let zoom = 5.0;
        let cell_world = CELL_PX / pixels_per_world_unit(zoom);
        // Two events 4 points apart on either side of a cell boundary.
        let x = 100.0 * cell_world;
        let d = 2.0 / pixels_per_world_unit(zoom);
        let mut a = input(0, 0.0, 0.0, 0);
        let mut b = input(1, 0.0, 0.0, 0);
        a.world = [x - d, 0.3];
        b.world = [x + d, 0.3];
        let c = Clustering::build(&[a, b], zoom);
        assert_eq!(c.clusters.len(), 1, "{:?}", c.clusters);
        assert_eq!(c.clusters[0].count, 2);
        assert!((c.clusters[0].world[0] - x).abs() < 1e-12);
        // Both cells lead to the merged cluster.
        assert!(c.near(a.world).all(|i| i == 0));
        assert!(c.near(b.world).all(|i| i == 0));
        // Far apart in neighbouring cells: they stay two.
        a.world = [x - 0.9 * cell_world, 0.3];
        b.world = [x + 0.9 * cell_world, 0.3];
        assert_eq!(Clustering::build(&[a, b], zoom).clusters.len(), 2);
    }

    #[test]
    fn zoom_bucket_steps() {
        assert_eq!(zoom_bucket(5.49), 5.0);
        assert_eq!(zoom_bucket(5.5), 5.5);
        assert_eq!(zoom_bucket(0.2), 0.0);
    }
}
