/// The Snowball English stemmer ("Porter2", Martin Porter's revision of his 1980
/// algorithm), as described at snowballstem.org/algorithms/english/stemmer.html: the
/// exceptional forms, the `gener`/`commun`/`arsen` start of R1, the apostrophe step, steps
/// 1a to 5, and the `y` that is a consonant (`Y`) at the start of a word or after a vowel.
///
/// This is the classic form of the algorithm, the one Lucene, NLTK and libstemmer before
/// Snowball 3 implement, and it gives the published output for every word of the
/// published vocabulary (snowballstem/snowball-data, `english/voc.txt` and `output.txt`
/// as of 2006, 29,417 words). Snowball 3 (2025) changed the algorithm (`past`, `univers`,
/// `later`, `emerg`, `organ` and `inter` join `gener`, `-ogist` becomes `-og`, and
/// more), and that repository's current files follow the new form; this stemmer does
/// not.
///
/// The work is done on the word's UTF-8 bytes in a buffer on the stack: no Foundation, no
/// regular expressions, and no allocation but the result's (none at all for a word the
/// stemmer leaves as it is, or a stem of 15 bytes or fewer).
public enum EnglishStemmer {
  /// The stem of a lowercased word. Words of 2 letters or fewer come back as they are; a
  /// word with characters outside a–z and the apostrophe is returned unchanged (names in
  /// other scripts, numbers).
  public static func stem(_ word: String) -> String {
    var word = word
    let count = word.utf8.count
    if count <= 2 { return word }
    return word.withUTF8 { source in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
        guard let base = buffer.baseAddress, let length = stem(source, into: base) else {
          return nil
        }
        return String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
      }
    } ?? word
  }

  /// The stem of a word given as its folded UTF-8 bytes (as the index holds them).
  static func stem(bytes source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard source.count > 2 else { return Array(source) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { buffer in
      guard let base = buffer.baseAddress, let length = stem(source, into: base) else {
        return Array(source)
      }
      return Array(UnsafeBufferPointer(start: base, count: length))
    }
  }

  /// Stems `source` into `output` (room for `source.count` bytes, which the stem never
  /// exceeds), returning the stem's length, or nil when the word is to be left as it is:
  /// it has a byte other than `a`–`z` and `'`, it is too short, or it is an invariant form.
  private static func stem(
    _ source: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>
  ) -> Int? {
    // One pass checks the bytes and copies them; an apostrophe that begins the word goes
    // before anything else is decided.
    let skip = source[0] == Letter.apostrophe ? 1 : 0
    for index in 0..<source.count {
      let byte = source[index]
      guard byte &- Letter.a < 26 || byte == Letter.apostrophe else { return nil }
      if index >= skip { output[index - skip] = byte }
    }
    if source.count <= 6, let exception = Exceptions.whole(source) {
      guard let replacement = exception else { return nil }
      for index in 0..<replacement.utf8CodeUnitCount {
        output[index] = replacement.utf8Start[index]
      }
      return replacement.utf8CodeUnitCount
    }
    var word = Word(bytes: output, length: source.count - skip)
    word.markConsonantY()
    word.markRegions()
    word.removeApostropheSuffix()
    word.step1a()
    if !Exceptions.afterStep1a(word) {
      word.step1b()
      word.step1c()
      word.step2()
      word.step3()
      word.step4()
      word.step5()
    }
    if word.hasConsonantY { word.unmarkConsonantY() }
    return word.length
  }
}

/// The bytes the stemmer looks at. The letter classes are not global tables: a global is
/// initialised lazily, and the check for that costs more than the test.
private enum Letter {
  static let apostrophe = UInt8(ascii: "'")
  static let a = UInt8(ascii: "a")
  static let c = UInt8(ascii: "c")
  static let d = UInt8(ascii: "d")
  static let e = UInt8(ascii: "e")
  static let g = UInt8(ascii: "g")
  static let i = UInt8(ascii: "i")
  static let l = UInt8(ascii: "l")
  static let m = UInt8(ascii: "m")
  static let n = UInt8(ascii: "n")
  static let r = UInt8(ascii: "r")
  static let s = UInt8(ascii: "s")
  static let t = UInt8(ascii: "t")
  static let w = UInt8(ascii: "w")
  static let x = UInt8(ascii: "x")
  static let y = UInt8(ascii: "y")
  /// A `y` that acts as a consonant, written as a capital while the word is worked on.
  static let consonantY = UInt8(ascii: "Y")

  /// `a e i o u y`; not `Y`, nor the apostrophe.
  @inline(__always) static func isVowel(_ byte: UInt8) -> Bool {
    isAmong(byte, "aeiouy")
  }

  /// The letters after which Step 2 removes `li`.
  @inline(__always) static func comesBeforeLi(_ byte: UInt8) -> Bool {
    isAmong(byte, "cdeghkmnrt")
  }

  /// The letters that Step 1b undoubles at the end of a stem (`hopp` → `hop`, but `fall`
  /// and `buzz` stay).
  @inline(__always) static func isUndoubled(_ byte: UInt8) -> Bool {
    isAmong(byte, "bdfgmnprt")
  }

  /// Whether `byte` is one of `letters` (lowercase letters only): one bit per letter in a
  /// mask that the compiler works out, so the test is a shift and a mask.
  @inline(__always) private static func isAmong(_ byte: UInt8, _ letters: StaticString) -> Bool {
    var mask: UInt32 = 0
    for index in 0..<letters.utf8CodeUnitCount {
      mask |= 1 << UInt32(letters.utf8Start[index] &- a)
    }
    let offset = byte &- a
    return offset < 26 && (mask >> UInt32(offset)) & 1 != 0
  }
}

/// The words the rules would get wrong, looked up whole (by their first letter, then
/// compared).
private enum Exceptions {
  /// What the table says of the whole of `word`: nil when it says nothing, `.some(nil)`
  /// when the word is its own stem, else the stem.
  static func whole(_ word: UnsafeBufferPointer<UInt8>) -> StaticString?? {
    let bytes = word.baseAddress!
    let count = word.count
    func check(_ form: StaticString) -> Bool { equal(form, bytes, count) }
    switch bytes[0] {
    case UInt8(ascii: "a"):
      if check("atlas") || check("andes") { return .some(nil) }
    case UInt8(ascii: "b"):
      if check("bias") { return .some(nil) }
    case UInt8(ascii: "c"):
      if check("cosmos") { return .some(nil) }
    case UInt8(ascii: "d"):
      if check("dying") { return "die" }
    case UInt8(ascii: "e"):
      if check("early") { return "earli" }
    case UInt8(ascii: "g"):
      if check("gently") { return "gentl" }
    case UInt8(ascii: "h"):
      if check("howe") { return .some(nil) }
    case UInt8(ascii: "i"):
      if check("idly") { return "idl" }
    case UInt8(ascii: "l"):
      if check("lying") { return "lie" }
    case UInt8(ascii: "n"):
      if check("news") { return .some(nil) }
    case UInt8(ascii: "o"):
      if check("only") { return "onli" }
    case UInt8(ascii: "s"):
      if check("skis") { return "ski" }
      if check("skies") { return "sky" }
      if check("sky") { return .some(nil) }
      if check("singly") { return "singl" }
    case UInt8(ascii: "t"):
      if check("tying") { return "tie" }
    case UInt8(ascii: "u"):
      if check("ugly") { return "ugli" }
    default:
      break
    }
    return nil
  }

  /// Words that Step 1a may leave and that no later step touches: `innings` stops at
  /// `inning`, and `proceed` is not `proce`.
  static func afterStep1a(_ word: Word) -> Bool {
    guard word.length >= 6 && word.length <= 7 else { return false }
    func check(_ form: StaticString) -> Bool { equal(form, word.bytes, word.length) }
    switch word.bytes[0] {
    case UInt8(ascii: "c"): return check("canning")
    case UInt8(ascii: "e"): return check("earring") || check("exceed")
    case UInt8(ascii: "h"): return check("herring")
    case UInt8(ascii: "i"): return check("inning")
    case UInt8(ascii: "o"): return check("outing")
    case UInt8(ascii: "p"): return check("proceed")
    case UInt8(ascii: "s"): return check("succeed")
    default: return false
    }
  }

  @inline(__always) static func equal(
    _ form: StaticString, _ bytes: UnsafePointer<UInt8>, _ count: Int
  ) -> Bool {
    guard form.utf8CodeUnitCount == count else { return false }
    for index in 0..<count where form.utf8Start[index] != bytes[index] { return false }
    return true
  }
}

/// A word being stemmed, in place: its bytes, its length, and where its regions start.
///
/// R1 is the part after the first non-vowel that follows a vowel; R2 is the part of R1
/// after the first non-vowel that follows a vowel in R1. Both are kept as the index where
/// they start, which stays right as the word loses its end; a suffix is "in R1" when it
/// starts at or after `r1`.
private struct Word {
  let bytes: UnsafeMutablePointer<UInt8>
  var length: Int
  var r1 = 0
  var r2 = 0
  /// Whether `markConsonantY` wrote a `Y`.
  var hasConsonantY = false

  init(bytes: UnsafeMutablePointer<UInt8>, length: Int) {
    self.bytes = bytes
    self.length = length
  }

  // MARK: Looking at the word

  /// Whether the word ends with `suffix`.
  @inline(__always) func ends(with suffix: StaticString) -> Bool {
    let count = suffix.utf8CodeUnitCount
    guard count <= length else { return false }
    let start = length - count
    for index in 0..<count where bytes[start + index] != suffix.utf8Start[index] {
      return false
    }
    return true
  }

  /// The byte `back` places before the end (0 is the last), or 0 past the start.
  @inline(__always) func last(_ back: Int = 0) -> UInt8 {
    length > back ? bytes[length - 1 - back] : 0
  }

  /// Whether a vowel is among the first `count` bytes.
  func hasVowel(before count: Int) -> Bool {
    var index = 0
    while index < count {
      if Letter.isVowel(bytes[index]) { return true }
      index += 1
    }
    return false
  }

  /// Whether the first `count` bytes end in a short syllable: a non-vowel, a vowel, and a
  /// non-vowel other than `w`, `x` or `Y`; or, at the very start, a vowel and a non-vowel.
  func endsInShortSyllable(_ count: Int) -> Bool {
    guard count >= 2 else { return false }
    let final = bytes[count - 1]
    guard !Letter.isVowel(final), Letter.isVowel(bytes[count - 2]) else { return false }
    if count == 2 { return true }
    return !Letter.isVowel(bytes[count - 3])
      && final != Letter.w && final != Letter.x && final != Letter.consonantY
  }

  /// A word is short when R1 is empty and it ends in a short syllable.
  var isShort: Bool { r1 >= length && endsInShortSyllable(length) }

  // MARK: Changing the word

  /// Replaces the last `count` bytes with `replacement`.
  @inline(__always) mutating func replace(_ count: Int, with replacement: StaticString) {
    let start = length - count
    for index in 0..<replacement.utf8CodeUnitCount {
      bytes[start + index] = replacement.utf8Start[index]
    }
    length = start + replacement.utf8CodeUnitCount
  }

  @inline(__always) mutating func drop(_ count: Int) { length -= count }

  @inline(__always) mutating func append(_ byte: UInt8) {
    bytes[length] = byte
    length += 1
  }

  // MARK: Before the steps

  /// A `y` at the start, or after a vowel, is a consonant: it becomes `Y` (which no rule
  /// counts as a vowel) until `unmarkConsonantY`.
  mutating func markConsonantY() {
    if bytes[0] == Letter.y {
      bytes[0] = Letter.consonantY
      hasConsonantY = true
    }
    var index = 1
    while index < length {
      if bytes[index] == Letter.y && Letter.isVowel(bytes[index - 1]) {
        bytes[index] = Letter.consonantY
        hasConsonantY = true
      }
      index += 1
    }
  }

  mutating func unmarkConsonantY() {
    for index in 0..<length where bytes[index] == Letter.consonantY { bytes[index] = Letter.y }
  }

  /// Where R1 and R2 start. Words that begin `gener`, `commun` or `arsen` have R1 right
  /// after that beginning, so `general` and `generous` keep their ends.
  mutating func markRegions() {
    if startsWith("gener") || startsWith("arsen") {
      r1 = 5
    } else if startsWith("commun") {
      r1 = 6
    } else {
      r1 = regionStart(from: 0)
    }
    r2 = regionStart(from: r1)
  }

  func startsWith(_ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard count <= length else { return false }
    for index in 0..<count where bytes[index] != prefix.utf8Start[index] { return false }
    return true
  }

  /// Just past the first non-vowel that follows a vowel at or after `start`; the length
  /// when there is none.
  func regionStart(from start: Int) -> Int {
    var index = start
    while index < length && !Letter.isVowel(bytes[index]) { index += 1 }
    while index < length && Letter.isVowel(bytes[index]) { index += 1 }
    return index < length ? index + 1 : length
  }

  // MARK: The steps

  /// Step 0: the longest of `'s'`, `'s` and `'` goes.
  mutating func removeApostropheSuffix() {
    if ends(with: "'s'") {
      drop(3)
    } else if ends(with: "'s") {
      drop(2)
    } else if ends(with: "'") {
      drop(1)
    }
  }

  /// Step 1a, plurals: `sses` → `ss`; `ied`, `ies` → `i` after two letters or more, else
  /// `ie`; `us` and `ss` stay; an `s` goes when a vowel comes before the letter before it.
  mutating func step1a() {
    switch last() {
    case Letter.s:
      if ends(with: "sses") {
        drop(2)
      } else if ends(with: "ies") {
        drop(length > 4 ? 2 : 1)
      } else if ends(with: "us") || ends(with: "ss") {
        return
      } else if hasVowel(before: length - 2) {
        drop(1)
      }
    case Letter.d:
      if ends(with: "ied") { drop(length > 4 ? 2 : 1) }
    default:
      return
    }
  }

  /// Step 1b, `-ed` and `-ing`: `eed`, `eedly` → `ee` in R1 (and otherwise nothing); `ed`,
  /// `edly`, `ing`, `ingly` go when a vowel precedes them, and then an `e` comes back
  /// after `at`, `bl`, `iz` and in a short word, and a double letter is undoubled.
  mutating func step1b() {
    let suffix: Int
    switch last() {
    case Letter.y:
      if ends(with: "eedly") {
        if length - 5 >= r1 { drop(3) }
        return
      } else if ends(with: "ingly") {
        suffix = 5
      } else if ends(with: "edly") {
        suffix = 4
      } else {
        return
      }
    case Letter.d:
      if ends(with: "eed") {
        if length - 3 >= r1 { drop(1) }
        return
      } else if ends(with: "ed") {
        suffix = 2
      } else {
        return
      }
    case Letter.g:
      guard ends(with: "ing") else { return }
      suffix = 3
    default:
      return
    }
    guard hasVowel(before: length - suffix) else { return }
    drop(suffix)
    if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
      append(Letter.e)
    } else if length >= 2 && last() == last(1) && Letter.isUndoubled(last()) {
      drop(1)
    } else if isShort {
      append(Letter.e)
    }
  }

  /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter becomes
  /// `i` (`cry` → `cri`, but `by` and `say` stay).
  mutating func step1c() {
    let final = last()
    guard (final == Letter.y || final == Letter.consonantY) && length > 2,
      !Letter.isVowel(last(1))
    else { return }
    bytes[length - 1] = Letter.i
  }

  /// Step 2: the longest of its suffixes, when it is in R1, becomes the shorter form.
  mutating func step2() {
    switch last() {
    case Letter.l:
      if ends(with: "ational") {
        inR1(7) { $0.replace(5, with: "e") }
      } else if ends(with: "tional") {
        inR1(6) { $0.drop(2) }
      }
    case Letter.i:
      step2EndingInI()
    case Letter.r:
      if ends(with: "izer") {
        inR1(4) { $0.drop(1) }
      } else if ends(with: "ator") {
        inR1(4) { $0.replace(2, with: "e") }
      }
    case Letter.n:
      if ends(with: "ization") {
        inR1(7) { $0.replace(5, with: "e") }
      } else if ends(with: "ation") {
        inR1(5) { $0.replace(3, with: "e") }
      }
    case Letter.m:
      if ends(with: "alism") { inR1(5) { $0.drop(3) } }
    case Letter.s:
      if ends(with: "fulness") {
        inR1(7) { $0.drop(4) }
      } else if ends(with: "ousness") {
        inR1(7) { $0.drop(4) }
      } else if ends(with: "iveness") {
        inR1(7) { $0.drop(4) }
      }
    default:
      return
    }
  }

  /// Step 2's suffixes that end in `i`: `-li`, `-ti`, `-ci` and `ogi`.
  private mutating func step2EndingInI() {
    switch last(1) {
    case Letter.l:
      if ends(with: "lessli") {
        inR1(6) { $0.drop(2) }
      } else if ends(with: "entli") || ends(with: "fulli") || ends(with: "ousli") {
        inR1(5) { $0.drop(2) }
      } else if ends(with: "abli") {
        inR1(4) { $0.replace(1, with: "e") }
      } else if ends(with: "alli") {
        inR1(4) { $0.drop(2) }
      } else if ends(with: "bli") {
        inR1(3) { $0.replace(1, with: "e") }
      } else {
        inR1(2) { word in
          if Letter.comesBeforeLi(word.last(2)) { word.drop(2) }
        }
      }
    case Letter.t:
      if ends(with: "biliti") {
        inR1(6) { $0.replace(5, with: "le") }
      } else if ends(with: "aliti") {
        inR1(5) { $0.drop(3) }
      } else if ends(with: "iviti") {
        inR1(5) { $0.replace(3, with: "e") }
      }
    case Letter.c:
      if ends(with: "enci") || ends(with: "anci") { inR1(4) { $0.replace(1, with: "e") } }
    case Letter.g:
      if ends(with: "ogi") {
        inR1(3) { word in
          if word.last(3) == Letter.l { word.drop(1) }
        }
      }
    default:
      return
    }
  }

  /// Step 3: the longest of its suffixes, when it is in R1, becomes the shorter form
  /// (`ative` only when in R2 too).
  mutating func step3() {
    switch last() {
    case Letter.l:
      if ends(with: "ational") {
        inR1(7) { $0.replace(5, with: "e") }
      } else if ends(with: "tional") {
        inR1(6) { $0.drop(2) }
      } else if ends(with: "ical") {
        inR1(4) { $0.drop(2) }
      } else if ends(with: "ful") {
        inR1(3) { $0.drop(3) }
      }
    case Letter.e:
      if ends(with: "alize") {
        inR1(5) { $0.drop(3) }
      } else if ends(with: "icate") {
        inR1(5) { $0.drop(3) }
      } else if ends(with: "ative") {
        inR2(5) { $0.drop(5) }
      }
    case Letter.i:
      if ends(with: "iciti") { inR1(5) { $0.drop(3) } }
    case Letter.s:
      if ends(with: "ness") { inR1(4) { $0.drop(4) } }
    default:
      return
    }
  }

  /// Step 4: the longest of its suffixes goes when it is in R2 (`ion` only after `s` or
  /// `t`).
  mutating func step4() {
    let suffix: Int
    switch last() {
    case Letter.l:
      guard ends(with: "al") else { return }
      suffix = 2
    case Letter.e:
      if ends(with: "ance") || ends(with: "ence") || ends(with: "able") || ends(with: "ible") {
        suffix = 4
      } else if ends(with: "ate") || ends(with: "ive") || ends(with: "ize") {
        suffix = 3
      } else {
        return
      }
    case Letter.r:
      guard ends(with: "er") else { return }
      suffix = 2
    case Letter.c:
      guard ends(with: "ic") else { return }
      suffix = 2
    case Letter.t:
      if ends(with: "ement") {
        suffix = 5
      } else if ends(with: "ment") {
        suffix = 4
      } else if ends(with: "ent") || ends(with: "ant") {
        suffix = 3
      } else {
        return
      }
    case Letter.m:
      guard ends(with: "ism") else { return }
      suffix = 3
    case Letter.i:
      guard ends(with: "iti") else { return }
      suffix = 3
    case Letter.s:
      guard ends(with: "ous") else { return }
      suffix = 3
    case Letter.n:
      guard ends(with: "ion"), length - 3 >= r2 else { return }
      let before = last(3)
      if before == Letter.s || before == Letter.t { drop(3) }
      return
    default:
      return
    }
    if length - suffix >= r2 { drop(suffix) }
  }

  /// Step 5: a final `e` goes in R2, or in R1 when what comes before it is not a short
  /// syllable; a final `l` goes in R2 after another `l`.
  mutating func step5() {
    let start = length - 1
    switch last() {
    case Letter.e:
      if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { drop(1) }
    case Letter.l:
      if start >= r2 && last(1) == Letter.l { drop(1) }
    default:
      return
    }
  }

  // MARK: Regions

  /// Runs `change` when the last `count` bytes are in R1.
  @inline(__always) private mutating func inR1(_ count: Int, _ change: (inout Word) -> Void) {
    if length - count >= r1 { change(&self) }
  }

  @inline(__always) private mutating func inR2(_ count: Int, _ change: (inout Word) -> Void) {
    if length - count >= r2 { change(&self) }
  }
}
