import Foundation
import ProtokollModel

/// Assembles a document's public records from the parsers' findings, with IDs and checks.
struct RecordBuilder {
    let input: SegmentInput
    let options: DocumentSegmenter.Options

    private var meeting: MeetingRecord?
    private var participants: [ParticipantRecord] = []
    private var items: [AgendaItemRecord] = []
    private var decisions: [DecisionRecord] = []
    private var statements: [StatementRecord] = []
    private var voteEvents: [VoteEventRecord] = []
    private var votes: [VoteRecord] = []
    private var signatures: [SignatureRecord] = []
    private var issues: [ParseIssueRecord] = []

    init(input: SegmentInput, options: DocumentSegmenter.Options) {
        self.input = input
        self.options = options
    }

    private var docID: String { input.docID }
    private var meetingID: String { docID + "/m" }

    mutating func build() {
        if let failure = input.failure {
            issue(.error, failure.code.rawValue, failure.message, related: docID, prov: nil)
            // Why OCR did not save a scan (no language data, the time limit) is worth saying.
            for extractIssue in input.issues where extractIssue.code.hasPrefix("ocr_") {
                issue(.warning, extractIssue.code, extractIssue.message, related: docID, prov: nil)
            }
            return
        }
        for extractIssue in input.issues {
            // A page read by OCR is no problem; its confidence is in `source_document.pages`.
            if extractIssue.code == "ocr" { continue }
            let code = extractIssue.code == "no_text" ? "no_text_layer" : extractIssue.code
            // OCR issues point at their page, so a reviewer can open the scan beside the text.
            let prov = extractIssue.code.hasPrefix("ocr_") ? extractIssue.page.flatMap(input.provenance(page:)) : nil
            issue(.warning, code, extractIssue.message, related: docID, prov: prov)
        }
        guard !input.blocks.isEmpty else {
            issue(.error, "no_text", "the document has no body text", related: docID, prov: nil)
            return
        }
        let (found, toc) = ItemFinder(input: input).find()
        let itemBlocks = Set(found.flatMap { Array($0.blocks) })
        let outside = input.blocks.indices.filter { !itemBlocks.contains($0) && !(toc?.contains($0) ?? false) }
        let firstItemBlock = found.first?.block ?? input.blocks.count
        let front = outside.filter { $0 < firstItemBlock }

        let parsedMeeting = MeetingParser(input: input).parse(
            frontMatter: front.isEmpty ? outside : front, outside: outside)
        let (attendance, unparsed) = AttendanceParser(input: input).parse(
            blocks: outside, bodyName: parsedMeeting.bodyName, lastItem: found.map(\.heading.numberInt).max() ?? 0)
        for (index, entry) in attendance.enumerated() {
            addParticipant(entry, number: index + 1)
        }
        for line in unparsed {
            issue(
                .warning, "unparsed_attendance_line", "cannot read an attendance entry: \(line.text)",
                related: meetingID, prov: input.provenance([line]))
        }
        let signatureParser = SignatureParser(input: input)
        for slot in signatureParser.wetInk(in: outside) + signatureParser.electronic() {
            addSignature(slot)
        }
        if found.isEmpty {
            issue(.warning, "no_items", "no agenda items were found", related: docID, prov: nil)
        }
        var usedIDs: Set<String> = []
        for (seq, item) in found.enumerated() {
            addItem(item, seq: seq, usedIDs: &usedIDs)
        }
        checkNumbering(found)
        meeting = makeMeeting(parsedMeeting)
    }

    // MARK: - Items

    private mutating func addItem(_ item: ItemFinder.Item, seq: Int, usedIDs: inout Set<String>) {
        var itemID = docID + "/i/" + item.heading.idSegment
        var duplicate = 2
        while usedIDs.contains(itemID) {
            itemID = docID + "/i/" + item.heading.idSegment + "~\(duplicate)"
            duplicate += 1
        }
        usedIDs.insert(itemID)
        let content = ItemContentParser(input: input).parse(item)
        let lines = input.lines(ofBlocks: item.blocks)
        let prov = input.provenance(lines)
        var prior: [String] = []
        for line in lines where line.start > (content.titleLines.last?.end ?? 0) {
            // Only a "§" heading is a margin reference; other lines are not parsed for one.
            if line.text.containsBytes("§"), let heading = ItemHeading.parse(line.text), heading.isMarginReference {
                prior.append(line.text)
            }
        }
        items.append(
            AgendaItemRecord(
                id: itemID, meeting_id: meetingID, seq: seq, number_raw: item.heading.numberRaw,
                number: item.heading.number,
                number_int: item.heading.numberInt, number_prefix: item.heading.prefix,
                number_suffix: item.heading.suffix,
                title: content.title,
                dnr: content.dnr.map { .init(raw: $0, normalized: $0.replacingText(" ", with: "")) },
                presenters: content.presenters, sections: content.sections, body_text: prov.quote,
                prior_handling: prior,
                distribution: [], prov: prov))
        for (index, decision) in content.decisions.enumerated() {
            decisions.append(
                DecisionRecord(
                    id: "\(itemID)/d/\(index + 1)", item_id: itemID, index: index + 1, label_raw: decision.label,
                    deciding_body_raw: decision.body, formula_raw: decision.formula, text: decision.text,
                    kind: decision.kind,
                    prov: input.provenance(decision.lines)))
        }
        let vote = VoteParser().parse(lines)
        var voteEventID: String?
        if let vote { voteEventID = addVote(vote, itemID: itemID) }
        let voteLines = Set(vote?.lines.map(\.start) ?? [])
        var statementCount = 0
        for voter in vote?.voters ?? [] {
            guard let reservation = voter.reservation else { continue }
            statementCount += 1
            statements.append(
                StatementRecord(
                    id: "\(itemID)/s/\(statementCount)", item_id: itemID, kind: "reservation",
                    authors: [voter.entry.person],
                    author_groups: voter.entry.person.party_code.map { [$0] } ?? [], text: reflow(reservation.text),
                    vote_event_id: voteEventID, prov: input.provenance(reservation.lines)))
        }
        for statement in StatementParser(input: input).parse(lines, excluding: voteLines) {
            statementCount += 1
            statements.append(
                StatementRecord(
                    id: "\(itemID)/s/\(statementCount)", item_id: itemID, kind: statement.kind,
                    authors: statement.authors,
                    author_groups: Array(Set(statement.authors.compactMap(\.party_code))).sorted(),
                    text: statement.text,
                    vote_event_id: statement.kind == "reservation" ? voteEventID : nil,
                    prov: input.provenance(statement.lines)))
        }
    }

    private mutating func addVote(_ vote: VoteParser.Vote, itemID: String) -> String {
        let eventID = "\(itemID)/v/1"
        let order = ["yes", "no", "abstain", "absent", "not voting"]
        var derived: [String: Int] = [:]
        for voter in vote.voters { derived[voter.option, default: 0] += 1 }
        let options = order.filter { derived[$0] != nil || vote.printedCounts[$0] != nil }
        let counts = options.map { option in
            VoteEventRecord.Count(
                option: option, value: vote.printedCounts[option] ?? derived[option] ?? 0,
                option_raw: vote.optionRaw[option] ?? option)
        }
        let yes = counts.first { $0.option == "yes" }?.value ?? 0
        let no = counts.first { $0.option == "no" }?.value ?? 0
        voteEvents.append(
            VoteEventRecord(
                id: eventID, item_id: itemID, seq: 1, question_raw: nil, yes_means: nil, no_means: nil, counts: counts,
                counts_source: vote.printedCounts.isEmpty ? "derived_from_names" : "printed",
                result: yes == no ? nil : (yes > no ? "pass" : "fail"), result_raw: vote.resultRaw,
                prov: input.provenance(vote.lines)))
        for (option, printed) in vote.printedCounts where derived[option, default: 0] != printed {
            issue(
                .warning, "vote_counts_mismatch",
                "\(vote.optionRaw[option] ?? option): printed \(printed), names listed \(derived[option, default: 0])",
                related: eventID, prov: input.provenance(vote.lines))
        }
        var perOption: [String: Int] = [:]
        for voter in vote.voters {
            perOption[voter.option, default: 0] += 1
            let letter = voter.optionRaw.quickLowercased().prefix(1)
            votes.append(
                VoteRecord(
                    id: "\(eventID)/\(letter)/\(perOption[voter.option]!)", vote_event_id: eventID,
                    voter: voter.entry.person,
                    option: voter.option, option_raw: voter.optionRaw, role: voter.entry.roles.first,
                    prov: input.provenance(Array(voter.lines.prefix(1)))))
        }
        return eventID
    }

    /// Numbering gaps and repeated numbers among the items found.
    private mutating func checkNumbering(_ found: [ItemFinder.Item]) {
        for (previous, item) in zip(found, found.dropFirst()) {
            let gap = item.heading.numberInt - previous.heading.numberInt
            if gap > 1 {
                issue(
                    .warning, "numbering_gap",
                    "items jump from \(previous.heading.numberRaw) to \(item.heading.numberRaw)", related: nil,
                    prov: input.provenance(input.lines(ofBlocks: item.block..<(item.block + 1))))
            } else if gap == 0 && previous.heading.number == item.heading.number {
                issue(
                    .warning, "duplicate_number", "item number \(item.heading.numberRaw) appears twice", related: nil,
                    prov: input.provenance(input.lines(ofBlocks: item.block..<(item.block + 1))))
            }
        }
    }

    // MARK: - Attendance, signatures, meeting

    private mutating func addParticipant(_ found: AttendanceParser.Entry, number: Int) {
        let entry = found.entry
        var group = found.group
        var status = found.status
        if entry.roles.contains("adjunct") { group = "other" }
        if entry.substitutesFor != nil, group == "member" { group = "substitute_serving" }
        if entry.roles.contains("substitute") {
            group =
                found.status == "present" && group == "member"
                ? "substitute_serving" : group == "member" ? "substitute_not_serving" : group
        }
        if status == "present",
            entry.presence.contains(where: { $0.kind != "session" || !$0.present }) || !entry.presence.isEmpty
        {
            status = "partial"
        }
        let roles = entry.roles.isEmpty && (group == "member") ? ["member"] : entry.roles
        participants.append(
            ParticipantRecord(
                id: "\(docID)/pa/\(number)", meeting_id: meetingID, person: entry.person, group: group,
                group_raw: found.groupRaw,
                status: status, roles: roles, roles_raw: entry.rolesRaw, title_raw: entry.title,
                voting_right: group == "member" || group == "substitute_serving"
                    ? true : group == "official" || group == "substitute_not_serving" ? false : nil,
                substitutes_for: entry.substitutesFor, presence: entry.presence, remote: entry.remote,
                prov: input.provenance(found.lines)))
    }

    private mutating func addSignature(_ slot: SignatureParser.Slot) {
        let prov = slot.furniture.map { input.provenance(furniture: $0) } ?? input.provenance(slot.lines)
        signatures.append(
            SignatureRecord(
                id: "\(docID)/sig/\(signatures.count + 1)", meeting_id: meetingID, role: slot.role,
                role_raw: slot.roleRaw.isEmpty ? nil : slot.roleRaw, signer: slot.signer, method: slot.method,
                signed_at: slot.signedAt, provider_raw: slot.provider, prov: prov))
    }

    private func makeMeeting(_ parsed: MeetingParser.Meeting) -> MeetingRecord {
        func person(role: String) -> PersonRef? {
            participants.first { $0.roles.contains(role) }?.person ?? signatures.first { $0.role == role }?.signer
        }
        let adjusters = signatures.filter { $0.role == "adjuster" }.compactMap(\.signer)
        let lines = parsed.lines.isEmpty ? Array(input.lines.prefix(1)) : parsed.lines
        return MeetingRecord(
            id: meetingID, doc_id: docID, body_name: parsed.bodyName, body_abbr: parsed.bodyAbbr,
            organisation: parsed.organisation, protocol_kind: parsed.protocolKind, date: parsed.date,
            start_time: parsed.startTime, end_time: parsed.endTime, time_raw: parsed.timeRaw, place: parsed.place,
            dnr: parsed.dnr, item_range: parsed.itemRange, chair: person(role: "chair"),
            secretary: person(role: "secretary"),
            adjusters: adjusters.isEmpty
                ? participants.filter { $0.roles.contains("adjuster") }.map(\.person) : adjusters,
            adjustment: parsed.adjustment, posting: parsed.posting, storage_place: parsed.storagePlace,
            prov: input.provenance(lines))
    }

    // MARK: - Output

    private enum Severity: String { case info, warning, error }

    private mutating func issue(
        _ severity: Severity, _ code: String, _ message: String, related: String?, prov: Provenance?
    ) {
        issues.append(
            ParseIssueRecord(
                id: "\(docID)/pi/\(issues.count + 1)", doc_id: docID, related_id: related, severity: severity.rawValue,
                code: code, message: message, prov: prov))
    }

    func output() -> [PublicRecord] {
        // Each record is copied into the list once, and the list is made as long as it gets:
        // a record is large, and a list grown step by step moves every record each time.
        var records: [PublicRecord] = []
        records.reserveCapacity(
            3 + participants.count + items.count + decisions.count + statements.count + voteEvents.count + votes.count
                + signatures.count + input.furniture.count + issues.count)
        records.append(.sourceDocument(sourceDocument()))
        if let meeting { records.append(.meeting(meeting)) }
        records.append(contentsOf: participants.lazy.map(PublicRecord.participant))
        records.append(contentsOf: items.lazy.map(PublicRecord.agendaItem))
        records.append(contentsOf: decisions.lazy.map(PublicRecord.decision))
        records.append(contentsOf: statements.lazy.map(PublicRecord.statement))
        records.append(contentsOf: voteEvents.lazy.map(PublicRecord.voteEvent))
        records.append(contentsOf: votes.lazy.map(PublicRecord.vote))
        records.append(contentsOf: signatures.lazy.map(PublicRecord.signature))
        records.append(
            contentsOf: input.furniture.lazy.map { furniture in
                .furniture(
                    FurnitureRecord(
                        id: "\(docID)/f/\(furniture.index + 1)", doc_id: docID, kind: furniture.kind.rawValue,
                        text: furniture.text,
                        page: furniture.page, rule: furniture.rule, score: furniture.score,
                        prov: input.provenance(furniture: furniture)))
            })
        records.append(contentsOf: issues.lazy.map(PublicRecord.parseIssue))
        records.append(
            .canonicalText(CanonicalTextRecord(doc_id: docID, text: input.canonicalText)))
        return records
    }

    private func sourceDocument() -> SourceDocumentRecord {
        let document = input.document
        let failed = input.failure != nil
        return SourceDocumentRecord(
            id: docID, sha256: document?.sha256,
            file_name: document?.fileName ?? ((input.end?.path ?? "") as NSString).lastPathComponent,
            media_type: document?.mediaType, byte_size: document?.byteSize ?? 0, page_count: document?.pageCount,
            producer: document?.producer, creator: document?.creator, text_layer: failed ? nil : input.textLayer,
            text_sha256: input.end?.textSHA256 ?? SHA256.hex(Array("".utf8)),
            pages: input.pages.map {
                .init(
                    page: $0.page, label_raw: $0.labelRaw, char_start: $0.charStart, char_end: $0.charEnd,
                    text_layer: input.textLayer(ofPage: $0.page), ocr_confidence: input.ocrConfidence[$0.page])
            },
            language: Self.language(input.quote(0..<min(20_000, input.canonicalLength))),
            status: input.failure?.code.rawValue ?? input.end?.status ?? "ok",
            pipeline_version: options.pipelineVersion, config_hash: options.configHash,
            extractor_versions: document?.extractor ?? [:])
    }

    /// "sv" when Swedish function words dominate; otherwise unknown. A guess good enough to
    /// flag foreign documents in a Swedish archive, not a language detector.
    /// - Parameter text: The start of the canonical text (20,000 characters tell as much as the
    ///   whole text).
    static func language(_ text: String) -> String? {
        // Most text lowercases by Latin arithmetic, which keeps scalars that are characters
        // so: it is read as its lowercase form without making that form.
        if text.scalarsAreCharacters, let counts = scalarWordCounts(text, lowercasing: true) {
            return language(wordCount: counts.words, swedish: counts.swedish, other: counts.other)
        }
        let lower = text.quickLowercased()
        guard lower.scalarsAreCharacters else {
            // Characters may join several scalars here; compare them as text.
            let words = lower.split(whereSeparator: { !$0.isLetter })
            let short = words.filter { $0.dropFirst(4).isEmpty }
            return language(
                wordCount: words.count, swedish: short.count { swedishList.contains(String($0)) },
                other: short.count { otherList.contains(String($0)) })
        }
        return scalarWordCounts(lower, lowercasing: false).flatMap {
            language(wordCount: $0.words, swedish: $0.swedish, other: $0.other)
        }
    }

    /// The words of a text whose scalars are its characters, and its Swedish and other
    /// function words; `nil` when `lowercasing` meets a scalar it cannot lowercase (see
    /// `forEachScalarWordKey`).
    private static func scalarWordCounts(_ text: String, lowercasing: Bool) -> (
        words: Int, swedish: Int, other: Int
    )? {
        var wordCount = 0
        var swedish = 0
        var other = 0
        let finished = forEachScalarWordKey(text, lowercasing: lowercasing) { key in
            wordCount += 1
            guard let key else { return }
            // A handful of keys: comparing each is cheaper than hashing the word.
            if swedishKeys.contains(key) { swedish += 1 }
            if otherKeys.contains(key) { other += 1 }
        }
        return finished ? (wordCount, swedish, other) : nil
    }

    /// "sv" when a text of at least 20 words has Swedish function words outnumbering other
    /// languages' by two to one.
    private static func language(wordCount: Int, swedish: Int, other: Int) -> String? {
        guard wordCount >= 20 else { return nil }
        return swedish > max(5, other * 2) ? "sv" : nil
    }

    /// A word of at most four Latin-1 scalars packed into one number, `nil` for any other
    /// word: every function word looked up is such a word, and numbers compare faster than
    /// the text of thousands of words per document.
    private static func latin1Key(_ scalars: some Sequence<Unicode.Scalar>) -> UInt32? {
        var key: UInt32 = 0
        var count = 0
        for scalar in scalars {
            count += 1
            guard count <= 4, scalar.value <= 0xFF else { return nil }
            key = key << 8 | scalar.value
        }
        return key
    }

    /// Hands `body` the `latin1Key` of each word of a text whose scalars are its characters, in
    /// order: the runs of alphabetic scalars, as a character is a letter when its first scalar
    /// is alphabetic. The scalars are read from the UTF-8 bytes, ASCII without decoding.
    ///
    /// With `lowercasing`, each scalar is read as `lowercaseLatin` lowercases it ("A"–"Z" and
    /// "À"–"Þ" but "×" up by 0x20), so the keys are those of `quickLowercased()`; the walk
    /// stops, answering `false`, at a scalar beyond Latin-1 that lowercasing changes, where
    /// `quickLowercased()` hands the text to `lowercased()`.
    private static func forEachScalarWordKey(_ text: String, lowercasing: Bool, _ body: (UInt32?) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var key: UInt32 = 0
            var length = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let scalar: Unicode.Scalar
                if lead < 0x80 {
                    let upper = lowercasing && lead >= 0x41 && lead <= 0x5A
                    scalar = Unicode.Scalar(upper ? lead | 0x20 : lead)
                    index += 1
                } else {
                    let decoded = decodeScalar(bytes, at: index)
                    guard let read = lowercasing ? latinLowercased(decoded.scalar) : decoded.scalar else {
                        return false
                    }
                    scalar = read
                    index += decoded.length
                }
                if isAlphabetic(scalar) {
                    length += 1
                    key = length <= 4 && scalar.value <= 0xFF && (length == 1 || key != 0) ? key << 8 | scalar.value : 0
                } else if length > 0 {
                    body(length <= 4 && key != 0 ? key : nil)
                    key = 0
                    length = 0
                }
            }
            if length > 0 { body(length <= 4 && key != 0 ? key : nil) }
            return true
        }
    }

    /// A scalar beyond ASCII as `lowercaseLatin` lowercases it; `nil` beyond Latin-1 where
    /// lowercasing changes it.
    private static func latinLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xC0...0xDE where scalar.value != 0xD7: Unicode.Scalar(scalar.value + 0x20)
        case 0..<0x100: scalar
        default: scalar.properties.changesWhenLowercased ? nil : scalar
        }
    }

    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: true
        case 0..<0x100: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Function words, each at most four letters.
    private static let swedishList = ["och", "att", "som", "för", "är", "med", "på", "av", "till", "det"]
    private static let otherList = ["the", "and", "of", "og", "er", "le", "la", "et", "des", "les", "und", "der"]
    private static let swedishKeys = swedishList.compactMap { latin1Key($0.unicodeScalars) }
    private static let otherKeys = otherList.compactMap { latin1Key($0.unicodeScalars) }
}
