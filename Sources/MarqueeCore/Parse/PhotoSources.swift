/// Who supplies the pictures on entertainment pages: agencies, wire services, platforms,
/// broadcasters and studios, with the spellings pages use for each.
///
/// This table is what lets a bare line such as `Rex/Getty` or `Tristan Fewings / Getty
/// Images` be read as a credit: a line made only of these names, person names and a few
/// joining words is a credit, while a sentence that mentions one of them is not. When a
/// site credits a source that is missing here, add it to this table (or, for one user,
/// in the config file's `[layout]` table: `LayoutAdditions`).
public enum PhotoSources {
  /// What kind of supplier a source is. Only agencies and wire services may end a label
  /// line (`Ben Affleck Jen Garner Getty Images`): headlines end in platform names
  /// (`… Shares Photo On Instagram`) far more often than labels do.
  public enum Kind: String, Sendable, CaseIterable {
    case agency, wire, platform, broadcaster
  }

  /// One supplier: the name credits are grouped under, the spellings that mean it
  /// (compared ignoring case), and its kind.
  public struct Source: Sendable, Equatable {
    public let name: String
    public let spellings: [String]
    public let kind: Kind
  }

  /// Seen on real pages (celebrity weeklies, UK tabloids, trade papers, wires, blogs).
  public static let table: [Source] = [
    Source(
      name: "Getty Images",
      spellings: ["getty images", "getty", "getty image", "getty images plus"],
      kind: .agency),
    Source(name: "WireImage", spellings: ["wireimage", "wire image"], kind: .agency),
    Source(name: "FilmMagic", spellings: ["filmmagic", "film magic"], kind: .agency),
    Source(name: "GC Images", spellings: ["gc images"], kind: .agency),
    Source(name: "Shutterstock", spellings: ["shutterstock", "rex/shutterstock"], kind: .agency),
    Source(
      name: "REX", spellings: ["rex", "rex features", "rex usa", "rex feature"], kind: .agency),
    Source(
      name: "BACKGRID", spellings: ["backgrid", "backgrid usa", "backgrid uk"], kind: .agency),
    Source(
      name: "Splash News",
      spellings: [
        "splash news", "splash", "splashnews", "splash news and pictures", "splash news.com",
      ],
      kind: .agency),
    Source(name: "MEGA", spellings: ["mega", "mega agency", "mega tv"], kind: .agency),
    Source(
      name: "AKM-GSI", spellings: ["akm-gsi", "akm gsi", "akmgsi", "akm-gsi.com"], kind: .agency),
    Source(
      name: "X17", spellings: ["x17", "x17online", "x17online.com", "x17 online"], kind: .agency),
    Source(
      name: "FameFlynet", spellings: ["fameflynet", "fame flynet", "fameflynet pictures"],
      kind: .agency),
    Source(name: "INFphoto", spellings: ["infphoto", "infphoto.com", "inf photo"], kind: .agency),
    Source(
      name: "Bauer-Griffin", spellings: ["bauer-griffin", "bauergriffin", "bauergriffin.com"],
      kind: .agency),
    Source(name: "Pacific Coast News", spellings: ["pacific coast news", "pcn"], kind: .agency),
    Source(
      name: "Startraks", spellings: ["startraks", "startraks photo", "startraksphoto"],
      kind: .agency),
    Source(name: "Broadimage", spellings: ["broadimage", "broad image"], kind: .agency),
    Source(name: "Patrick McMullan", spellings: ["patrick mcmullan", "pmc"], kind: .agency),
    Source(name: "BFA", spellings: ["bfa", "bfa.com"], kind: .agency),
    Source(
      name: "Everett Collection", spellings: ["everett collection", "everett"], kind: .agency),
    Source(
      name: "Alamy", spellings: ["alamy", "alamy stock photo", "alamy live news"], kind: .agency),
    Source(
      name: "ZUMA", spellings: ["zuma", "zuma press", "zuma wire", "zumapress", "zumapress.com"],
      kind: .agency),
    Source(name: "WENN", spellings: ["wenn", "wenn.com"], kind: .agency),
    Source(name: "Avalon", spellings: ["avalon", "avalon.red"], kind: .agency),
    Source(name: "Mirrorpix", spellings: ["mirrorpix"], kind: .agency),
    Source(name: "Capital Pictures", spellings: ["capital pictures"], kind: .agency),
    Source(name: "Matrix", spellings: ["matrix pictures", "matrixpictures"], kind: .agency),
    Source(name: "Sipa", spellings: ["sipa", "sipa usa", "sipa press"], kind: .agency),
    Source(name: "Abaca", spellings: ["abaca", "abacapress", "abaca press"], kind: .agency),
    Source(name: "Invision", spellings: ["invision"], kind: .agency),
    Source(name: "Corbis", spellings: ["corbis"], kind: .agency),
    Source(name: "Trunk Archive", spellings: ["trunk archive"], kind: .agency),
    Source(name: "Mediapunch", spellings: ["mediapunch"], kind: .agency),
    Source(
      name: "PA", spellings: ["pa", "pa images", "pa photos", "pa wire", "pa media", "pa archive"],
      kind: .wire),
    Source(
      name: "AP", spellings: ["ap", "ap photo", "ap images", "associated press"], kind: .wire),
    Source(name: "Reuters", spellings: ["reuters"], kind: .wire),
    Source(name: "AFP", spellings: ["afp", "afp photo"], kind: .wire),
    Source(name: "EPA", spellings: ["epa", "epa-efe", "efe"], kind: .wire),
    Source(name: "UPI", spellings: ["upi"], kind: .wire),
    Source(
      name: "Instagram", spellings: ["instagram", "instagram stories", "instagram.com", "ig"],
      kind: .platform),
    Source(
      name: "Twitter", spellings: ["twitter", "twitter/x", "x.com", "twitter.com"], kind: .platform),
    Source(name: "TikTok", spellings: ["tiktok", "tiktok.com"], kind: .platform),
    Source(name: "YouTube", spellings: ["youtube", "youtube.com"], kind: .platform),
    Source(name: "Facebook", spellings: ["facebook", "facebook.com"], kind: .platform),
    Source(name: "Snapchat", spellings: ["snapchat"], kind: .platform),
    Source(name: "Pinterest", spellings: ["pinterest"], kind: .platform),
    Source(name: "Tumblr", spellings: ["tumblr"], kind: .platform),
    Source(name: "Giphy", spellings: ["giphy"], kind: .platform),
    Source(name: "Imgur", spellings: ["imgur"], kind: .platform),
    Source(name: "E!", spellings: ["e!", "e! news", "e! online"], kind: .broadcaster),
    Source(name: "NBC", spellings: ["nbc", "nbcuniversal", "nbc universal"], kind: .broadcaster),
    Source(name: "ABC", spellings: ["abc"], kind: .broadcaster),
    Source(name: "CBS", spellings: ["cbs"], kind: .broadcaster),
    Source(name: "Fox", spellings: ["fox"], kind: .broadcaster),
    Source(name: "Bravo", spellings: ["bravo"], kind: .broadcaster),
    Source(name: "MTV", spellings: ["mtv"], kind: .broadcaster),
    Source(name: "HBO", spellings: ["hbo", "hbo max"], kind: .broadcaster),
    Source(name: "Netflix", spellings: ["netflix"], kind: .broadcaster),
    Source(name: "Hulu", spellings: ["hulu"], kind: .broadcaster),
    Source(name: "Disney", spellings: ["disney", "disney+"], kind: .broadcaster),
    Source(
      name: "Prime Video", spellings: ["prime video", "amazon prime video", "amazon studios"],
      kind: .broadcaster),
    Source(name: "Apple TV+", spellings: ["apple tv+", "apple tv"], kind: .broadcaster),
    Source(name: "BBC", spellings: ["bbc"], kind: .broadcaster),
    Source(name: "ITV", spellings: ["itv"], kind: .broadcaster),
    Source(name: "Channel 4", spellings: ["channel 4"], kind: .broadcaster),
    Source(name: "Showtime", spellings: ["showtime"], kind: .broadcaster),
    Source(
      name: "Paramount", spellings: ["paramount", "paramount+", "paramount pictures"],
      kind: .broadcaster),
    Source(
      name: "Universal Pictures", spellings: ["universal pictures", "universal"], kind: .broadcaster
    ),
    Source(
      name: "Warner Bros.", spellings: ["warner bros.", "warner bros", "warner bros. pictures"],
      kind: .broadcaster),
    Source(name: "Sony Pictures", spellings: ["sony pictures"], kind: .broadcaster),
    Source(name: "Lionsgate", spellings: ["lionsgate"], kind: .broadcaster),
    Source(name: "A24", spellings: ["a24"], kind: .broadcaster),
    Source(name: "Focus Features", spellings: ["focus features"], kind: .broadcaster),
    Source(
      name: "Searchlight Pictures", spellings: ["searchlight pictures", "searchlight"],
      kind: .broadcaster),
    Source(name: "WWD", spellings: ["wwd"], kind: .agency),
  ]

  /// A table of sources as the credit rules look it up: by spelling, the first source in
  /// the table with that spelling (`ParserTables` puts a user's sources first).
  struct Lookup: Sendable {
    let table: [Source]
    private let bySpelling: [String: Int]
    /// The most words any spelling has.
    let longestSpelling: Int

    init(_ table: [Source]) {
      var index: [String: Int] = [:]
      for (position, source) in table.enumerated() {
        for spelling in source.spellings { index[spelling] = index[spelling] ?? position }
      }
      self.table = table
      bySpelling = index
      longestSpelling = table.flatMap(\.spellings).map { $0.split(separator: " ").count }.max()!
    }

    /// The source a spelling names, if any; `spelling` must be lowercased, with single
    /// spaces and no spaces at its ends.
    func source(spelled spelling: String) -> Source? {
      bySpelling[spelling].map { table[$0] }
    }

    /// The source a whole credit is grouped under (`Tristan Fewings / Getty Images` and
    /// `Getty` are both `Getty Images`): the first known source the credit names, in
    /// reading order; nil when it names none (a photographer's own credit).
    func groupName(ofCredit credit: String) -> String? {
      for segment in CreditGrammar.segments(of: credit) {
        if let source = source(spelled: segment.lowercased()) { return source.name }
      }
      return nil
    }
  }
}
