fn main() {
    println!("chronomap: under construction");
}
