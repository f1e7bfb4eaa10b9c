@testable import MarqueeTerminal

/// The UTF-8 locale, set once for the whole test process: tests run in parallel and
/// `setlocale` races with every `wcwidth` call, so no test may set it on its own.
enum TestLocale {
  static let utf8: Bool = {
    TerminalWidth.ensureUTF8Locale()
    return TerminalWidth.localeIsUTF8
  }()
}
