//! Small pools of realistic Indonesian and Chinese names, addresses and goods.

use fastrand::Rng;

/// Picks one element of a non-empty pool.
pub(crate) fn pick<'a>(rng: &mut Rng, pool: &[&'a str]) -> &'a str {
    pool.get(rng.usize(..pool.len().max(1)))
        .copied()
        .unwrap_or_default()
}

const COMPANY_HEADS: [&str; 16] = [
    "SUMBER MAKMUR",
    "MAJU JAYA",
    "KARYA ABADI",
    "SENTOSA INDAH",
    "BINTANG TIMUR",
    "CAHAYA NUSANTARA",
    "MITRA SEJAHTERA",
    "TIRTA MULIA",
    "GARUDA PERKASA",
    "SINAR MAS TEKNIK",
    "BERKAT LESTARI",
    "INTI BUANA",
    "PRIMA NIAGA",
    "SAMUDRA BIRU",
    "ANEKA MANDIRI",
    "DUTA RASA",
];
const COMPANY_TAILS: [&str; 8] = [
    "",
    "",
    " INDONESIA",
    " UTAMA",
    " PERSADA",
    " ELEKTRONIK",
    " LOGISTIK",
    " DISTRIBUSI",
];
const STREETS: [&str; 14] = [
    "JL. JEND. SUDIRMAN",
    "JL. MH. THAMRIN",
    "JL. GATOT SUBROTO",
    "JL. HR. RASUNA SAID",
    "JL. PEMUDA",
    "JL. DIPONEGORO",
    "JL. ASIA AFRIKA",
    "JL. RAYA BOGOR",
    "JL. AHMAD YANI",
    "JL. PAHLAWAN",
    "JL. GAJAH MADA",
    "JL. MANGGA DUA RAYA",
    "JL. BOULEVARD RAYA",
    "JL. INDUSTRI SELATAN",
];
/// (kelurahan/kecamatan, city, place printed on the signature line).
const CITIES: [(&str, &str, &str); 8] = [
    (
        "KEBAYORAN BARU",
        "KOTA ADM. JAKARTA SELATAN",
        "JAKARTA SELATAN",
    ),
    ("MENTENG", "KOTA ADM. JAKARTA PUSAT", "JAKARTA PUSAT"),
    ("CIKARANG SELATAN", "KAB. BEKASI", "BEKASI"),
    ("COBLONG", "KOTA BANDUNG", "BANDUNG"),
    ("GUBENG", "KOTA SURABAYA", "SURABAYA"),
    ("SEMARANG TENGAH", "KOTA SEMARANG", "SEMARANG"),
    ("DENPASAR BARAT", "KOTA DENPASAR", "DENPASAR"),
    ("MEDAN PETISAH", "KOTA MEDAN", "MEDAN"),
];
const PEOPLE: [&str; 14] = [
    "BUDI SANTOSO",
    "SITI RAHAYU",
    "AGUS WIJAYA",
    "DEWI LESTARI",
    "HENDRA GUNAWAN",
    "RATNA SARI",
    "ANDI PRASETYO",
    "MAYA KUSUMA",
    "JOKO SUSILO",
    "LINA HALIM",
    "RUDI HARTONO",
    "FITRI HANDAYANI",
    "YOHANES TANOTO",
    "NUR AINI",
];
const FOREIGNERS: [&str; 6] = [
    "JOHN MILLER",
    "KENJI TANAKA",
    "SARAH O'NEILL",
    "LI WEI",
    "MARIA GONZALEZ",
    "HANS WEBER",
];

/// An Indonesian company name (`PT ...` or `CV ...`).
pub(crate) fn id_company(rng: &mut Rng) -> String {
    let form = if rng.u8(0..5) == 0 { "CV" } else { "PT" };
    format!(
        "{form} {}{}",
        pick(rng, &COMPANY_HEADS),
        pick(rng, &COMPANY_TAILS)
    )
}

/// An Indonesian person's name in capitals.
pub(crate) fn id_person(rng: &mut Rng) -> String {
    pick(rng, &PEOPLE).to_owned()
}

/// A foreign person's name in capitals.
pub(crate) fn foreigner(rng: &mut Rng) -> String {
    pick(rng, &FOREIGNERS).to_owned()
}

/// An Indonesian address and the city name used for the signature place. Long addresses
/// (with RT/RW and building) wrap onto two lines in most layouts.
pub(crate) fn id_address(rng: &mut Rng) -> (String, String) {
    let (district, city, place) = CITIES[rng.usize(..CITIES.len())];
    let street = pick(rng, &STREETS);
    let number = rng.u16(1..200);
    let address = if rng.bool() {
        format!(
            "{street} NO. {number} RT {:03} RW {:03}, {district}, {city}",
            rng.u8(1..20),
            rng.u8(1..15)
        )
    } else {
        format!("{street} NO. {number}, {city}")
    };
    (address, place.to_owned())
}

/// An Indonesian title-case address for commercial invoices, as separate printed lines.
pub(crate) fn id_address_lines(rng: &mut Rng) -> Vec<String> {
    let (district, city, _) = CITIES[rng.usize(..CITIES.len())];
    let street = title_case(pick(rng, &STREETS));
    vec![
        format!("{street} No. {}", rng.u16(1..200)),
        format!("{}, {}", title_case(district), title_case(city)),
    ]
}

/// `JL. JEND. SUDIRMAN` → `Jl. Jend. Sudirman`.
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Goods and services sold in Indonesia: (name, unit, lowest and highest unit price in rupiah).
pub(crate) const ID_GOODS: [(&str, &str, u32, u32); 20] = [
    ("Kertas HVS A4 80 gram", "Rim", 45_000, 65_000),
    ("Tinta Printer Epson 003 Hitam", "Botol", 70_000, 110_000),
    (
        "Laptop Lenovo ThinkPad E14 Gen 5 Core i5 16GB 512GB SSD",
        "Unit",
        12_000_000,
        16_000_000,
    ),
    (
        "Monitor LED Dell 24 inch P2422H",
        "Unit",
        2_800_000,
        3_600_000,
    ),
    (
        "Jasa Konsultasi Pajak Bulanan",
        "Bulan",
        5_000_000,
        15_000_000,
    ),
    ("Jasa Pemeliharaan AC Split 1 PK", "Unit", 150_000, 350_000),
    ("Semen Portland Tiga Roda 50 kg", "Sak", 60_000, 75_000),
    ("Besi Beton Ulir 12 mm x 12 m", "Batang", 95_000, 130_000),
    ("Minyak Goreng Kemasan 2 Liter", "Karton", 180_000, 240_000),
    ("Beras Premium 25 kg", "Karung", 300_000, 380_000),
    (
        "Sewa Gedung Kantor Lantai 3",
        "Bulan",
        25_000_000,
        60_000_000,
    ),
    (
        "Jasa Angkutan Barang Jakarta - Surabaya",
        "Trip",
        4_000_000,
        9_000_000,
    ),
    ("Kabel NYY 4 x 16 mm2 Supreme", "Meter", 140_000, 190_000),
    ("Pipa PVC Rucika 4 inch AW", "Batang", 180_000, 260_000),
    (
        "Lisensi Perangkat Lunak Akuntansi Tahunan",
        "Lisensi",
        3_000_000,
        8_000_000,
    ),
    ("Seragam Kerja Katun Drill", "Stel", 150_000, 250_000),
    (
        "Cat Tembok Dulux Weathershield 20 L",
        "Pail",
        1_400_000,
        1_900_000,
    ),
    ("Jasa Pelatihan K3 Umum", "Orang", 1_500_000, 3_000_000),
    ("Air Mineral Galon 19 Liter", "Galon", 18_000, 25_000),
    (
        "Kursi Kantor Ergonomis Hidrolik",
        "Unit",
        900_000,
        2_500_000,
    ),
];

/// Chinese company names.
pub(crate) const CN_COMPANIES: [&str; 14] = [
    "北京京东世纪贸易有限公司",
    "上海华联超市有限公司",
    "深圳市腾达电子科技有限公司",
    "广州市白云区金穗餐饮管理有限公司",
    "杭州阿里云计算有限公司",
    "苏州工业园区宏达机械制造有限公司",
    "成都蜀都物流有限公司",
    "武汉长江文化传媒有限公司",
    "南京金陵酒店管理有限公司",
    "天津滨海新能源科技有限公司",
    "厦门鹭岛办公用品有限公司",
    "重庆山城建筑工程有限公司",
    "青岛海滨食品有限公司",
    "西安古城软件技术有限公司",
];
/// Chinese addresses.
pub(crate) const CN_ADDRESSES: [&str; 10] = [
    "北京市朝阳区建国路88号",
    "上海市浦东新区世纪大道100号",
    "深圳市南山区科技园南区高新南一道9号",
    "广州市天河区天河路385号",
    "杭州市西湖区文三路90号",
    "苏州市工业园区星湖街328号",
    "成都市高新区天府大道中段1号",
    "武汉市江汉区解放大道688号",
    "南京市鼓楼区中山路18号",
    "天津市滨海新区第三大街51号",
];
/// Chinese banks.
pub(crate) const CN_BANKS: [&str; 6] = [
    "中国工商银行北京朝阳支行",
    "中国建设银行上海浦东分行",
    "招商银行深圳南山支行",
    "中国银行广州天河支行",
    "交通银行杭州西湖支行",
    "中国农业银行苏州工业园区支行",
];
/// Chinese personal names.
pub(crate) const CN_PEOPLE: [&str; 10] = [
    "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴刚",
];

/// Chinese goods: (name with tax category, specification, unit, rate in percent, lowest and
/// highest unit price in yuan). A rate of 0 marks an exempt (免税) item.
pub(crate) const CN_GOODS: [(&str, &str, &str, u8, u32, u32); 16] = [
    ("*餐饮服务*餐费", "", "次", 6, 80, 900),
    ("*计算机外部设备*无线鼠标", "M720", "个", 13, 59, 299),
    ("*计算机配套产品*机械键盘", "K8 Pro", "个", 13, 199, 899),
    ("*纸制品*复印纸", "A4 70g", "箱", 13, 120, 260),
    ("*信息技术服务*软件服务费", "", "项", 6, 2000, 30000),
    ("*运输服务*国内货物运输服务", "", "次", 9, 300, 5000),
    ("*建筑服务*工程服务", "", "项", 9, 10000, 90000),
    ("*现代服务*咨询服务费", "", "次", 6, 1000, 20000),
    ("*谷物*大米", "5kg", "袋", 9, 40, 120),
    ("*水果*苹果", "一级", "千克", 0, 8, 20),
    ("*蔬菜*西红柿", "", "千克", 0, 4, 12),
    ("*日用杂品*洗衣液", "3kg", "瓶", 13, 35, 89),
    ("*家用电器*电热水壶", "SWF17", "台", 13, 99, 299),
    ("*住宿服务*住宿费", "标准间", "晚", 6, 280, 900),
    ("*生活服务*停车费", "", "次", 3, 10, 60),
    ("*印刷品*宣传册", "A5", "本", 1, 5, 30),
];
