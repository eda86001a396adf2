import Testing

@testable import ProtokollNormalize

struct PageLabelTests {
    @Test(arguments: [
        ("2 (9)", 2), ("1(14 )", 1), ("19 (58)", 19), ("Sida 2 av 9", 2), ("Sida 2(9)", 2), ("sida 3", 3),
        ("- 4 -", 4), ("5/12", 5), ("7", 7),
    ])
    func recognisesPrintedLabels(text: String, page: Int) {
        #expect(PageLabel.number(in: text) == page)
    }

    @Test(arguments: ["§ 12/24", "2024-03-01", "Sida", "1. Mötet öppnades", "Dnr 123/2021"])
    func otherTextIsNoLabel(text: String) {
        #expect(PageLabel.number(in: text) == nil)
    }

    /// A label must name its own page; a tab-separated header cell can be the label.
    @Test func labelInAHeaderLine() {
        #expect(PageLabel.label(in: "Region Blekinge\tProtokoll\t3 (9)", page: 3) == "3 (9)")
        #expect(PageLabel.label(in: "Region Blekinge\t2024", page: 3) == nil)
    }

    /// Counters and dates fold away so headers compare equal across pages; item numbers stay.
    @Test func foldingKeepsItemNumbersApart() {
        #expect(PageLabel.fold("Sida 2 av 9") == PageLabel.fold("Sida 3 av 9"))
        #expect(PageLabel.fold("PROTOKOLL 2 (9)") == PageLabel.fold("PROTOKOLL 3 (9)"))
        #expect(PageLabel.fold("Sammanträdesdatum 2024-03-01") == PageLabel.fold("Sammanträdesdatum 2024-04-12"))
        #expect(PageLabel.fold("§ 16/24") != PageLabel.fold("§ 17/24"))
    }
}
