import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// Read marks and places kept between runs: the file format, finding an article again
/// after a move or an edit, two writers, and files that are broken or out of reach.
@Suite("State kept between runs")
struct StateFolderTests {
  private func article(_ path: String, body: String = "Body text.") -> Article {
    Article(path: path, title: "A title", dek: "", body: [.paragraph(body)], images: [])
  }

  @Test func theMarksFileKeepsEveryRecordAndAnyPath() throws {
    let records = [
      MarkRecord(contentHash: 1, path: "/a/plain.txt", marks: .read),
      MarkRecord(contentHash: .max, path: "/a/tab\there\nnew\\line.txt", marks: [.read, .flagged]),
      MarkRecord(contentHash: 0x0123_4567_89AB_CDEF, path: "/é/日本.txt", marks: .flagged),
    ]
    let bytes = MarksFile.encode(records)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("marquee marks 1\n0000000000000001\tr\t/a/plain.txt\n"))
    #expect(text.split(separator: "\n").count == 4, "one line per record: \(text)")
    #expect(try MarksFile.decode(bytes).get() == records)
  }

  @Test(arguments: [
    ("", 1), ("marquee marks 2\n", 1), ("marquee marks 1\nnot a record\n", 2),
    ("marquee marks 1\n0000000000000001\tr\t/a\n000000000000000g\tr\t/b\n", 3),
    ("marquee marks 1\n0000000000000001\tx\t/a\n", 2),
    ("marquee marks 1\n0000000000000001\t\t/a\n", 2),
    ("marquee marks 1\n0000000000000001\tr\t/a\\q\n", 2),
  ])
  func aDamagedMarksFileNamesTheLineThatIsWrong(text: String, line: Int) {
    guard case .failure(let error) = MarksFile.decode(Array(text.utf8)) else {
      Issue.record("read as marks: \(text)")
      return
    }
    #expect(error.line == line)
  }

  /// A file over a megabyte is read in parts on all cores: the records come back in
  /// order, and a bad line far in is named by its number in the whole file.
  @Test func aLargeMarksFileReadsInPartsAndNamesABadLineInTheWholeFile() throws {
    let records = (0..<20_000).map {
      MarkRecord(
        contentHash: UInt64($0) &* 0x9E37_79B9_7F4A_7C15,
        path: "/library/celebrity/\($0)/a-long-enough-file-name-\($0).txt",
        marks: $0 % 3 == 0 ? [.read, .flagged] : .read)
    }
    var bytes = MarksFile.encode(records)
    #expect(bytes.count > 1 << 20)
    #expect(try MarksFile.decode(bytes).get() == records)
    // Break record 15,000 (line 15,002: the header is line 1, record 0 line 2).
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    var broken = Array(lines[15_001])
    broken[3] = UInt8(ascii: "x")
    bytes =
      Array(lines[..<15_001].joined(separator: [0x0A])) + [0x0A] + broken + [0x0A]
      + Array(lines[15_002...].joined(separator: [0x0A]))
    guard case .failure(let error) = MarksFile.decode(bytes) else {
      Issue.record("a broken line was read")
      return
    }
    #expect(error.line == 15_002)
  }

  @Test func marksFollowAMovedFileAndAnEditedOne() {
    let original = article("/corpus/a.txt")
    var book = MarkBook()
    book.apply(MarkBook.record([.read, .flagged], for: original))
    // Moved: same text, another path.
    #expect(book.marks(for: article("/elsewhere/renamed.txt")) == [.read, .flagged])
    // Edited: same path, other text.
    #expect(book.marks(for: article("/corpus/a.txt", body: "Fixed a typo.")) == [.read, .flagged])
    #expect(book.marks(for: article("/corpus/b.txt", body: "Another story.")) == [])
    // Marking the edited file replaces the record of its old text.
    book.apply(MarkBook.record(.read, for: article("/corpus/a.txt", body: "Fixed a typo.")))
    #expect(book.count == 1)
    #expect(book.marks(for: original) == .read, "found by path now")
    // Marking it unread and unflagged forgets it.
    book.apply(MarkBook.record([], for: article("/corpus/a.txt", body: "Fixed a typo.")))
    #expect(book.count == 0)
  }

  /// Marquee writes each content and path once; a file edited by hand may repeat them,
  /// and then the later line is the latest word, as if applied in order.
  @Test func repeatedLinesKeepTheLastWord() {
    let book = MarkBook([
      MarkRecord(contentHash: 1, path: "/a.txt", marks: .read),
      MarkRecord(contentHash: 2, path: "/b.txt", marks: .read),
      MarkRecord(contentHash: 3, path: "/a.txt", marks: .flagged),
      MarkRecord(contentHash: 2, path: "/c.txt", marks: [.read, .flagged]),
    ])
    #expect(
      book.records == [
        MarkRecord(contentHash: 3, path: "/a.txt", marks: .flagged),
        MarkRecord(contentHash: 2, path: "/c.txt", marks: [.read, .flagged]),
      ])
  }

  @Test func relativePathsAreKeptAbsolute() {
    let record = MarkBook.record(.read, for: article("some/../folder/./a.txt"))
    #expect(record.path == FileManager.default.currentDirectoryPath + "/folder/a.txt")
  }

  @Test func savedMarksAndPlacesComeBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = StateFolder(path: folder.path + "/nested/marquee")
    #expect(state.loadMarks().0.count == 0, "no file yet")
    try state.save(markChanges: [MarkBook.record(.read, for: article("/a.txt"))])
    let place = ReadingPlace(
      path: "/a.txt", contentHash: "00", block: 3, offset: 120, articleOpen: true,
      search: "harbor")
    try state.save(place: place, forKey: "key", searches: ["harbor", "glass"])
    let (book, marksProblem) = state.loadMarks()
    #expect(marksProblem == nil)
    #expect(book.marks(for: article("/a.txt")) == .read)
    let (memory, sessionProblem) = state.loadSession()
    #expect(sessionProblem == nil)
    #expect(memory.places["key"] == place)
    #expect(memory.searches == ["harbor", "glass"])
    let mode = try FileManager.default.attributesOfItem(atPath: state.marksPath)[.posixPermissions]
    #expect(mode as? Int == 0o600, "readable by the user alone")
  }

  /// Two readers open at once: each saves its own changes over what the other wrote,
  /// and the later one wins only for the articles both changed.
  @Test func twoReadersKeepEachOthersMarks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = StateFolder(path: folder.path)
    let (a, b, c) = (
      article("/a.txt", body: "A"), article("/b.txt", body: "B"), article("/c.txt", body: "C")
    )
    try state.save(markChanges: [MarkBook.record(.read, for: a), MarkBook.record(.read, for: c)])
    try state.save(markChanges: [
      MarkBook.record(.flagged, for: b), MarkBook.record(.flagged, for: c),
    ])
    let book = state.loadMarks().0
    #expect(book.marks(for: a) == .read)
    #expect(book.marks(for: b) == .flagged)
    #expect(book.marks(for: c) == .flagged)
    try state.save(place: nil, forKey: "k", searches: ["one", "two"])
    try state.save(place: nil, forKey: "k", searches: ["three", "one"])
    #expect(state.loadSession().0.searches == ["two", "three", "one"])
  }

  @Test func aCorruptFileIsKeptAsideAndTheReaderStartsFresh() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = StateFolder(path: folder.path)
    _ = try folder.write("marquee marks 1\nhalf a line", to: "marks")
    _ = try folder.write("{\"version\": 1, \"places\": ", to: "session.json")
    let (book, problem) = state.loadMarks()
    #expect(book.count == 0)
    #expect(
      problem
        == "\(state.marksPath) could not be read (line 2: it is not “hash TAB marks TAB path”); kept as \(state.marksPath).bad, starting fresh"
    )
    #expect(FileManager.default.fileExists(atPath: state.marksPath + ".bad"))
    #expect(!FileManager.default.fileExists(atPath: state.marksPath))
    let (_, sessionProblem) = state.loadSession()
    #expect(sessionProblem?.contains("is not the JSON Marquee writes") == true)
    try state.save(markChanges: [MarkBook.record(.read, for: article("/a.txt"))])
    #expect(state.loadMarks().1 == nil)
  }

  /// A file that cannot be read is moved aside too, and the reader starts fresh.
  @Test func aFileThatCannotBeReadIsKeptAside() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = StateFolder(path: folder.path)
    // A folder where the file should be: open works, read fails, whoever runs the test.
    try FileManager.default.createDirectory(
      atPath: state.marksPath, withIntermediateDirectories: false)
    let (_, problem) = state.loadMarks()
    #expect(
      problem == "cannot read \(state.marksPath): Is a directory; kept as \(state.marksPath).bad, "
        + "starting fresh")
    try state.save(markChanges: [MarkBook.record(.read, for: article("/a.txt"))])
    #expect(state.loadMarks().0.count == 1)
  }

  @Test func aFolderThatCannotBeMadeSaysWhy() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("not a folder", to: "file")
    let state = StateFolder(path: file + "/marquee")
    do {
      try state.save(markChanges: [MarkBook.record(.read, for: article("/a.txt"))])
      Issue.record("saved under a file")
    } catch {
      #expect(error.description.hasPrefix("cannot create \(file)/marquee: "), "\(error)")
    }
  }

  @Test func theFolderFollowsXDGAndCanBeTurnedOff() {
    #expect(
      StateFolder.standard(environment: ["HOME": "/home/u"])?.path == "/home/u/.local/state/marquee"
    )
    #expect(
      StateFolder.standard(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/xdg"])?.path
        == "/xdg/marquee")
    // A relative XDG path is ignored, as the spec says.
    #expect(
      StateFolder.standard(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "rel"])?.path
        == "/home/u/.local/state/marquee")
    #expect(StateFolder.standard(environment: ["HOME": "/home/u", "MARQUEE_STATE": "off"]) == nil)
    #expect(StateFolder.standard(environment: [:]) == nil)
  }

  @Test func placesAreKeyedByTheSetOfPathsAndTheOldestGo() {
    #expect(
      SessionMemory.key(forOpened: ["/b", "/a"]) == SessionMemory.key(forOpened: ["/a/../a", "/b"]))
    #expect(SessionMemory.key(forOpened: ["/a"]) != SessionMemory.key(forOpened: ["/a", "/b"]))
    var memory = SessionMemory()
    let place = ReadingPlace(
      path: "/a", contentHash: "0", block: 0, offset: 0, articleOpen: false, search: nil)
    for number in 0..<(SessionMemory.maxPlaces + 5) { memory.remember(place, forKey: "\(number)") }
    #expect(memory.places.count == SessionMemory.maxPlaces)
    #expect(memory.places["0"] == nil && memory.places["\(SessionMemory.maxPlaces + 4)"] != nil)
    #expect(SessionMemory.recent(["a", "b", "c"], adding: "a") == ["b", "c", "a"])
  }
}
