import Testing

@testable import MarqueeCore

/// Credit rules that read ASCII lines on their bytes must say what reading them
/// `Character` by `Character` says.
@Suite("Credit rules on bytes agree with Characters")
struct CreditBytesTests {
  @Test func prefixedCreditsOnBytesAgreeWithCharacters() {
    let openings = [
      "Image Credit", "IMAGE CREDITS", "photo by", "Photo By", "Photo", "Photos courtesy",
      "Picture", "credit", "Pics", "Photograph by", "Photo byline", "Image via", "Images",
    ]
    let values = [
      "Getty Images", "YouTube.", "Warner Bros.", "Acme Ltd.", "", " ", "Jane Doe/Rex",
      "See the looks", "Instagram/@someone", "X",
      "a very long credit " + String(repeating: "x", count: 90),
      "AP Photo/Jane Doe.", "courtesy of the family",
    ]
    let gaps = ["", " ", "  ", ":", " :", ": ", " : ", ":  ", "\t"]
    var generator = SeededGenerator(seed: 31)
    for _ in 0..<3_000 {
      let line =
        String(repeating: " ", count: Int.random(in: 0...1, using: &generator))
        + openings.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
        + values.randomElement(using: &generator)!
        + (Bool.random(using: &generator) ? "" : " ")
      let text = Substring(line)
      let expected = CreditGrammar.prefixedByCharacters(
        text, CreditGrammar.prefixCandidates(for: text), .builtIn)
      let found = CreditGrammar.prefixed(text, in: .builtIn)
      #expect(found?.credit == expected?.credit, "\(line.debugDescription)")
      #expect(found?.rule == expected?.rule, "\(line.debugDescription)")
    }
    #expect(CreditGrammar.prefixed("Image Credit: YouTube", in: .builtIn)?.credit == "YouTube")
    #expect(CreditGrammar.prefixed("Photo byline", in: .builtIn)?.credit == nil)
  }
}

@Test func knownCreditsAreFoundByTheirLineWhateverTheOrderTheyCameIn() {
  var generator = SeededGenerator(seed: 5)
  var known = KnownCredits()
  var expected: [Int: String] = [:]
  // Mostly in order, as the story filter finds them, with a few out of order and again.
  for step in 0..<500 {
    let number = step % 50 == 0 ? Int.random(in: 1...2_000, using: &generator) : 4 * step + 1
    let credit = "Credit \(step)"
    known.add(line: number, (credit, "rule"))
    expected[number] = credit
  }
  for number in 0...2_100 {
    #expect(known[line: number]?.credit == expected[number], "line \(number)")
  }
}
