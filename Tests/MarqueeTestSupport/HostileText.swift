/// Text written to attack a terminal, as it could arrive in a scraped article or a file
/// name: the sequences behind real attacks on terminal programs (less CVE-2022-46663,
/// git CVE-2024-52005, Trojan Source CVE-2021-42574). Tests put them in every field and
/// then check, with `TerminalOutput`, that none reaches a terminal.
public enum HostileText {
  /// OSC 52: writes "Hacked" to the clipboard.
  public static let clipboardWrite = "\u{1B}]52;c;SGFja2Vk\u{07}"
  /// OSC 0: sets the window title.
  public static let windowTitle = "\u{1B}]0;pwned-title\u{07}"
  /// CSI 2 J: clears the screen, to spoof what is shown.
  public static let clearScreen = "\u{1B}[2J"
  /// OSC 8: a hyperlink whose target differs from its text, ended by ST (ESC \).
  public static let fakeLink = "\u{1B}]8;;http://x\u{1B}\\"
  /// CSI 6 n: asks the terminal to report the cursor, which it "types" into stdin.
  public static let cursorReport = "\u{1B}[6n"
  /// An OSC that never ends: a terminal swallows everything after it. It must be the last
  /// thing on its line.
  public static let unterminatedOSC = "\u{1B}]1337;SetMark"
  /// The 8-bit CSI introducer (U+009B, C1) followed by `2J`.
  public static let eightBitCSI = "\u{9B}2J"
  /// The 8-bit OSC introducer (U+009D) with a title.
  public static let eightBitOSC = "\u{9D}0;c1-title\u{07}"
  /// RIGHT-TO-LEFT OVERRIDE: shows text in another order than it reads.
  public static let rightToLeftOverride = "\u{202E}"
  /// LINE SEPARATOR: a line break some terminals honour. Marquee reads it as a line
  /// break (so it ends a title), which is why it is not among `inline`.
  public static let lineSeparator = "\u{2028}"

  /// Every payload that may stand inside a line and leave it one line, with a tab.
  public static let inline = [
    clipboardWrite, windowTitle, clearScreen, fakeLink, cursorReport, eightBitCSI,
    eightBitOSC, rightToLeftOverride, "\t",
  ]

  /// Every payload, joined, with `marker` before and after: for one field.
  public static func laced(_ marker: String) -> String {
    "\(marker) " + inline.joined(separator: "x") + " \(marker)"
  }

  /// An article in the layout marquee parses (title, dek, gallery, paragraphs, captioned
  /// image, credits), every field laced with every payload. The visible words in capitals
  /// (HOSTILETITLE, HOSTILEDEK…) let a test find each field on the screen.
  public static let article =
    [
      laced("HOSTILETITLE") + lineSeparator,
      laced("HOSTILEDEK") + " " + unterminatedOSC,
      laced("HOSTILEGALLERY") + "\nView gallery\nImage Credit: " + laced("HOSTILEGCREDIT")
        + lineSeparator,
      laced("HOSTILEBODY") + " " + unterminatedOSC,
      "Tab\tseparated\twords and an \(clipboardWrite)ordinary sentence.",
      laced("HOSTILELABEL") + "\n" + laced("HOSTILECAPTION") + ". (" + laced("HOSTILECCREDIT")
        + ")",
      "The closing paragraph \(rightToLeftOverride)reads backwards\(lineSeparator)on a new line.",
    ].joined(separator: "\n\n") + "\n"

  /// Bytes that are not UTF-8, so marquee reads them as Windows-1252: raw 8-bit CSI
  /// (`0x9B 2 J`) and OSC (`0x9D`) introducers among Latin-1 text (`£`, `ü`). Read that
  /// way they are `›` and (0x9D being undefined there) U+FFFD, never C1 controls.
  public static let latin1Article: [UInt8] =
    Array("Raw Latin1 HOSTILERAW \u{1B}[2J title ".utf8) + [0x9B, 0x32, 0x4A, 0xA3, 0x35]
    + Array("\n\nA dek in M".utf8) + [0xFC] + Array("nchen ".utf8) + [0x9D]
    + Array("0;raw-title".utf8) + [0x07] + Array(" after.\n\nBody text ".utf8)
    + [0x9B, 0x36, 0x6E] + Array(" end.\n".utf8)

  /// File names that carry payloads (no `/`, the one byte besides NUL a name cannot hold).
  public static let fileNames = [
    "a-\(clipboardWrite)\(windowTitle)\(clearScreen).txt",
    "b-\u{1B}]8;;x\u{1B}\\\(cursorReport)\(eightBitCSI)\(rightToLeftOverride)\(lineSeparator)\t.txt",
    "c-\(eightBitOSC)-\(unterminatedOSC).txt",
  ]
}
