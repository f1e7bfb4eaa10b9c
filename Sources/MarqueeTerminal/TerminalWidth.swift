import CNcursesw

#if canImport(Glibc)
  import Glibc
#endif

/// The width glibc's `wcwidth` gives a scalar: the number ncurses moves the cursor by when
/// it writes that scalar. Layout (`DisplayWidth`) has to agree with it, and the terminal
/// layer checks every cell against it, because a cell that ncurses measures differently
/// shifts the rest of its row.
public enum TerminalWidth {
  /// Columns glibc gives one scalar: 0 (combining, format), 1, 2 (wide), or -1 when glibc
  /// considers it unprintable (controls, unassigned). Sets the UTF-8 locale on first use,
  /// because in the "C" locale glibc calls everything outside ASCII unprintable.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    ensureUTF8Locale()
    return Int(cn_wcwidth(scalar.value))
  }

  /// Makes the process locale one whose character set is UTF-8, once. ncurses and
  /// `wcwidth` read the C locale; without a UTF-8 one every non-ASCII character is
  /// dropped or measured as unprintable. Honours the user's locale when it is already
  /// UTF-8, and otherwise switches only the character type to C.UTF-8 (the one UTF-8
  /// locale every glibc system has), leaving messages and number formats alone.
  public static func ensureUTF8Locale() {
    _ = localeIsUTF8
  }

  /// Whether the locale dance ended with a UTF-8 character set. A `static let` so the
  /// dance runs once even when tests call it from many threads: `setlocale` races with
  /// everything that reads the locale.
  static let localeIsUTF8: Bool = {
    setlocale(LC_ALL, "")
    if cn_codeset_is_utf8() == 0 {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    return cn_codeset_is_utf8() != 0
  }()
}

/// What the terminal actually writes for a cell, so that ncurses always advances the cursor
/// by exactly the columns the `Screen` gave the cell.
enum WidthGuard {
  /// `cellText` if ncurses will measure it as `columns` wide, else a placeholder of that
  /// width. The text must start with a scalar that has width (a leading mark would be
  /// merged into the cell to the left) and contain no scalar glibc calls unprintable
  /// (ncurses draws those as `^X` or acts on them, as with tab and newline). An empty text
  /// (a continuation whose wide character is gone) becomes blanks.
  ///
  /// `width` is a parameter so tests can pin the glibc answers they reason about.
  static func text(
    for cellText: String, columns: Int, width: (Unicode.Scalar) -> Int = TerminalWidth.of
  ) -> String {
    let scalars = cellText.unicodeScalars
    guard let first = scalars.first else { return String(repeating: " ", count: columns) }
    guard width(first) > 0 else { return placeholder(columns) }
    var total = 0
    for scalar in scalars {
      let scalarWidth = width(scalar)
      if scalarWidth < 0 { return placeholder(columns) }
      total += scalarWidth
    }
    return total == columns ? cellText : placeholder(columns)
  }

  /// One "?" per column: visibly wrong, yet the right width in every locale.
  static func placeholder(_ columns: Int) -> String {
    String(repeating: "?", count: columns)
  }
}
