fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = std::fs::read_to_string(&a[1]).unwrap();
    let (lo, hi): (u32, u32) = (a[2].parse().unwrap(), a[3].parse().unwrap());
    for l in reprint::debug_lines(&t, &reprint::Options::default()).lines() {
        let n: u32 = l[..5].trim().parse().unwrap();
        if n >= lo && n <= hi {
            println!("{l}");
        }
    }
}
