//! A minimal PDF writer for slide decks: one page per image, each an RGB image XObject
//! compressed with Flate. Written by hand (about a hundred lines) rather than pulling a PDF
//! crate: the deck only ever needs full-page images.

use std::io::Write;
use std::path::Path;

use super::write_atomic_with;

/// One page: an opaque RGB image, 3 bytes per pixel, rows top to bottom.
pub struct PdfPage<'a> {
    pub width: u32,
    pub height: u32,
    pub rgb: &'a [u8],
}

/// Page width in points: wide enough for a projector slide, images keep their aspect ratio.
const PAGE_WIDTH_PT: f64 = 960.0;

/// The bytes of a PDF with one image per page.
pub fn pdf_bytes(title: &str, pages: &[PdfPage<'_>]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    out.extend_from_slice(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    // Object numbers: 1 catalog, 2 pages, 3 info, then 3 per page (page, content, image).
    let page_obj = |i: usize| 4 + 3 * i;
    let obj = |out: &mut Vec<u8>, offsets: &mut Vec<usize>, body: &[u8]| {
        offsets.push(out.len());
        let n = offsets.len();
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    obj(&mut out, &mut offsets, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", page_obj(i)))
        .collect();
    obj(
        &mut out,
        &mut offsets,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .as_bytes(),
    );
    obj(
        &mut out,
        &mut offsets,
        format!("<< /Title {} /Producer (chronomap) >>", pdf_string(title)).as_bytes(),
    );
    for (i, p) in pages.iter().enumerate() {
        let (w, h) = (p.width.max(1), p.height.max(1));
        let page_h = PAGE_WIDTH_PT * f64::from(h) / f64::from(w);
        let n = page_obj(i);
        obj(
            &mut out,
            &mut offsets,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH_PT:.2} {page_h:.2}] /Resources << /XObject << /Im0 {} 0 R >> >> /Contents {} 0 R >>",
                n + 2,
                n + 1
            )
            .as_bytes(),
        );
        let content = format!("q {PAGE_WIDTH_PT:.2} 0 0 {page_h:.2} 0 0 cm /Im0 Do Q");
        obj(
            &mut out,
            &mut offsets,
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
            .as_bytes(),
        );
        let expected = (w as usize) * (h as usize) * 3;
        let mut rgb = p.rgb[..expected.min(p.rgb.len())].to_vec();
        rgb.resize(expected, 0);
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&rgb, 6);
        let mut body = format!(
            "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        body.extend_from_slice(&packed);
        body.extend_from_slice(b"\nendstream");
        obj(&mut out, &mut offsets, &body);
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF literal string, with the characters PDF needs escaped; non-ASCII becomes '?'
/// (PDFDocEncoding is not UTF-8, and the title is only metadata).
fn pdf_string(s: &str) -> String {
    let mut out = String::from("(");
    for c in s.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            _ => out.push('?'),
        }
    }
    out.push(')');
    out
}

/// Writes the PDF atomically. Errors name the path.
pub fn write_pdf(path: &Path, title: &str, pages: &[PdfPage<'_>]) -> std::io::Result<()> {
    let bytes = pdf_bytes(title, pages);
    write_atomic_with(path, |w: &mut dyn Write| w.write_all(&bytes))
}
