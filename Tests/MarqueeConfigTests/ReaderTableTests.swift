import MarqueeUI
import Testing

@testable import MarqueeConfig

/// `[reader]`: the list's starting order and columns, and the mouse.
@Suite("The config file's [reader] table")
struct ReaderTableTests {
  private func read(_ text: String) -> (ReaderOptions, [ConfigProblem]) {
    let (settings, problems) = ReaderSettings.read(text, file: "config.toml")
    return (settings.reader, problems)
  }

  @Test func theDefaultsAreTheNaturalOrderEveryColumnAndTheMouse() {
    let (options, problems) = read("")
    #expect(problems.isEmpty)
    #expect(options.sort == .natural)
    #expect(options.columns == [.images, .time, .date])
    #expect(options.mouse)
  }

  @Test(arguments: [
    ("path", ListOrder.natural), ("date", .date), ("Title", .title), ("length", .length),
  ])
  func everySortIsReadByItsName(name: String, order: ListOrder) {
    let (options, problems) = read("[reader]\nsort = \"\(name)\"\n")
    #expect(problems.isEmpty)
    #expect(options.sort == order)
  }

  @Test func columnsAreKeptInTheOrderGivenOnceEach() {
    let (options, problems) = read(
      "[reader]\ncolumns = [\"date\", \"images\", \"date\"]\nmouse = false\n")
    #expect(problems.isEmpty)
    #expect(options.columns == [.date, .images])
    #expect(!options.mouse)
    #expect(read("[reader]\ncolumns = []\n").0.columns.isEmpty, "none at all")
  }

  /// A bad entry leaves its default and the others stand.
  @Test func aBadEntryKeepsItsDefaultAndTheRestStand() {
    let (options, problems) = read("[reader]\nsort = \"date\"\ncolumns = 3\nmouse = false\n")
    #expect(problems.map(\.line) == [3])
    #expect(options.sort == .date)
    #expect(options.columns == ListColumn.standard)
    #expect(!options.mouse)
  }

  /// What `marquee config` prints reads back as the same settings.
  @Test func theLinesPrintedReadBackTheSame() {
    var options = ReaderOptions()
    options.sort = .title
    options.columns = [.time]
    options.mouse = false
    let text = "[reader]\n" + ConfigFile.readerLines(options).joined(separator: "\n") + "\n"
    let (again, problems) = read(text)
    #expect(problems.isEmpty, "\(problems)")
    #expect(again == options)
  }
}
