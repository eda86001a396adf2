import Testing

@testable import ProtokollSegment

struct SwedishDateTests {
    @Test(arguments: [
        ("Sammanträdesdatum 2024-03-01", "2024-03-01"), ("20240315 Kl. 9.00 – 15.00", "2024-03-15"),
        ("Konferensrum Näsvisen, den 1 mars 2024, klockan 13:00-16:00", "2024-03-01"),
        ("Fredagen den 4 juni 2021 kl. 13.00 – 15.30 via Teams", "2021-06-04"),
    ])
    func dates(text: String, expected: String) {
        #expect(SwedishDate.date(in: text) == expected)
    }

    /// "Fredag den 31 januari" has no year; the document's year fills it in.
    @Test func dateWithoutYear() {
        #expect(SwedishDate.date(in: "Tid: Fredag den 31 januari kl 13.00-16.00") == nil)
        #expect(SwedishDate.date(in: "Tid: Fredag den 31 januari kl 13.00-16.00", year: 2020) == "2020-01-31")
    }

    @Test(arguments: [
        ("kl 13.00-16.00", "13:00", "16:00"), ("klockan 13:00-16:00", "13:00", "16:00"),
        ("Kl. 9.00 – 15.00", "09:00", "15:00"), ("kl. 13.00 – 15.30", "13:00", "15:30"),
    ])
    func times(text: String, start: String, end: String) throws {
        let times = try #require(SwedishDate.times(in: text))
        #expect(times.start == start)
        #expect(times.end == end)
    }
}
