//! Keterangan tambahan: the additional-info codes that faktur with kode transaksi 07 and 08
//! must carry (Coretax `AddInfo` `TD.005NN` and `FacilityStamp` `TD.011NN`, same `NN`).

use crate::id::TransactionCode;

/// Legal basis of each kode 07 entry (`TD.00501`–`TD.00527`); `None` where the entry has no
/// stamp text.
const NOT_COLLECTED_BASIS: [Option<&str>; 27] = [
    Some("PP 10/2012"),
    Some("PPN/PPnBM tidak dipungut"),
    Some("PPN & PPnBM tidak dipungut"),
    Some("PP 71/2012"),
    None,
    Some("PMK 194/PMK.03/2012"),
    Some("PP 15/2015"),
    Some("PP 69/2015"),
    Some("PP 96/2015"),
    Some("PP 106/2015"),
    Some("PP 50/2019"),
    Some("PP 27/2017"),
    Some("DTP PMK 21/2021"),
    Some("DTP PMK 102/2021"),
    Some("DTP PMK 239/2020"),
    Some("DTP PMK 103/2021"),
    Some("PP 40/2021"),
    Some("PP 41/2021"),
    Some("DTP PMK 6/2022"),
    Some("DTP PMK 226/2021"),
    Some("PP 53/2017"),
    Some("PP 70/2021"),
    Some("DTP PMK 125/2020"),
    None,
    Some("PP 49/2022"),
    Some("PP 12/2023"),
    Some("DTP PMK 38/2023"),
];

/// Facility described by each kode 07 stamp (`TD.01101`–`TD.01127`).
const NOT_COLLECTED_FACILITY: [&str; 27] = [
    "Kawasan Bebas",
    "Tempat Penimbunan Berikat",
    "Hibah/Bantuan Luar Negeri",
    "Avtur",
    "Lainnya",
    "PKP2B Generasi I",
    "BBM kapal angkutan laut luar negeri",
    "JKP alat angkutan tertentu",
    "BKP tertentu di KEK",
    "anode slime",
    "alat angkutan tertentu & JKP terkait",
    "KKS Migas PP 27/2017",
    "rumah DTP 2021",
    "sewa ruang pedagang eceran DTP 2021",
    "COVID-19 (PMK 239/2020)",
    "rumah DTP PMK 103/2021",
    "KEK PP 40/2021",
    "Kawasan Bebas PP 41/2021",
    "rumah DTP 2022",
    "DTP pandemi",
    "KKS Migas PP 53/2017",
    "anode slime & emas butiran",
    "kertas koran/majalah",
    "tidak dipungut oleh Pemerintah lainnya",
    "BKP & JKP tertentu",
    "Ibu Kota Negara baru",
    "kendaraan listrik berbasis baterai",
];

/// Legal basis of each kode 08 entry (`TD.00501`–`TD.00510`, stamps use the same texts).
const EXEMPT_BASIS: [Option<&str>; 10] = [
    Some("PP 146/2000 jo. PP 38/2003"),
    Some("PP 12/2001 jo. PP 31/2007"),
    Some("PP 28/2009"),
    None,
    Some("PP 81/2015"),
    Some("PP 74/2015"),
    None,
    Some("PP 81/2015 jo. PP 48/2020"),
    Some("PP 47/2020"),
    Some("PP 49/2022"),
];

/// A valid additional-info entry for kode transaksi 07 (01–27) or 08 (01–10).
///
/// ```
/// use tax_core::id::TransactionCode;
/// use tax_core::id::efaktur::AdditionalInfo;
///
/// let info = AdditionalInfo::new(TransactionCode::NotCollected, 1).unwrap();
/// assert_eq!(info.add_info_code(), "TD.00501");
/// assert_eq!(info.facility_stamp_code(), "TD.01101");
/// assert_eq!(info.facility(), Some("Kawasan Bebas"));
/// assert!(AdditionalInfo::new(TransactionCode::Exempt, 11).is_none());
/// assert!(AdditionalInfo::new(TransactionCode::Ordinary, 1).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AdditionalInfo {
    code: TransactionCode,
    index: u8,
}

impl AdditionalInfo {
    /// The entry `index` (1-based) of `code`; `None` when the code takes no additional info
    /// or the index is out of range.
    pub fn new(code: TransactionCode, index: u8) -> Option<Self> {
        let max = code.max_additional_info()?;
        (1..=max).contains(&index).then_some(Self { code, index })
    }

    /// The transaction code the entry belongs to.
    pub fn transaction_code(&self) -> TransactionCode {
        self.code
    }

    /// The 1-based index (OnlinePajak `additionalInfoID`).
    pub fn index(&self) -> u8 {
        self.index
    }

    /// The Coretax `AddInfo` code, `TD.005NN`.
    pub fn add_info_code(&self) -> String {
        format!("TD.005{:02}", self.index)
    }

    /// The Coretax `FacilityStamp` code, `TD.011NN`.
    pub fn facility_stamp_code(&self) -> String {
        format!("TD.011{:02}", self.index)
    }

    fn slot(&self) -> usize {
        usize::from(self.index.saturating_sub(1))
    }

    /// The regulation the entry cites, when it has one.
    pub fn legal_basis(&self) -> Option<&'static str> {
        match self.code {
            TransactionCode::NotCollected => {
                NOT_COLLECTED_BASIS.get(self.slot()).copied().flatten()
            }
            TransactionCode::Exempt => EXEMPT_BASIS.get(self.slot()).copied().flatten(),
            _ => None,
        }
    }

    /// The facility the stamp names (kode 07), or the legal basis text (kode 08).
    pub fn facility(&self) -> Option<&'static str> {
        match self.code {
            TransactionCode::NotCollected => NOT_COLLECTED_FACILITY.get(self.slot()).copied(),
            _ => self.legal_basis(),
        }
    }
}
