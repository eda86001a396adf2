import Testing

@testable import ProtokollSegment

struct ItemHeadingTests {
    @Test(
        arguments: [
            ("§ 12/24", "§ 12/24", "12", nil, "24", ""),
            ("§113", "§113", "113", nil, nil, ""),
            ("§113 Godkännande av föredragningslistan", "§113", "113", nil, nil, "Godkännande av föredragningslistan"),
            ("KS § 3 a", "KS § 3 a", "3 a", "KS", nil, ""),
            ("§ 5 1339/22", "§ 5", "5", nil, nil, "1339/22"),
            ("§ 162   Diarienummer 00322/2026", "§ 162", "162", nil, nil, "Diarienummer 00322/2026"),
        ] as [(String, String, String, String?, String?, String)])
    func paragraphHeadings(text: String, raw: String, number: String, prefix: String?, suffix: String?, rest: String)
        throws
    {
        let heading = try #require(ItemHeading.parse(text))
        #expect(heading.style == .paragraph)
        #expect(heading.numberRaw == raw)
        #expect(heading.number == number)
        #expect(heading.prefix == prefix)
        #expect(heading.suffix == suffix)
        #expect(heading.rest == rest)
    }

    @Test func numberedHeadingAndIDs() throws {
        let numbered = try #require(ItemHeading.parse("7. Val av justerare"))
        #expect(numbered.style == .numbered)
        #expect(numbered.number == "7")
        #expect(numbered.rest == "Val av justerare")
        #expect(try #require(ItemHeading.parse("§ 16/24")).idSegment == "16-24")
        #expect(try #require(ItemHeading.parse("KS § 3 a")).idSegment == "KS-3-a")
    }

    /// Not new items: a reference to an earlier handling, and a continuation header.
    @Test func marginReferenceAndContinuation() throws {
        #expect(try #require(ItemHeading.parse("KU § 317 06-12-05")).isMarginReference)
        #expect(try #require(ItemHeading.parse("§ 16 forts.")).isContinuation)
        #expect(ItemHeading.parse("Sida 2 av 9") == nil)
    }
}
