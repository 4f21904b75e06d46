import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsTestSupport
import Testing

@testable import KopsShell

/// Session 60's cuts of per-command work (docs/performance.md, "Session 60") answer as the readings they stand in for,
/// kept here as the reference, on random inputs built from the pieces that could tell them apart.
@Suite struct Perf60PerCommandTests {
    static let pieces = ["", "a", " ", ", ", "whsec_", "é", "…", "\n", "\t", "+1 415-555-0100", "Support Line", "https://x.test/p"]

    static func text(_ random: inout SplitMix, pieces: [String] = pieces, most: UInt64 = 5) -> String {
        (0..<Int(random.next() % most)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func joinedIsTheStandardLibrarysJoined() {
        var random = SplitMix(seed: 60)
        for _ in 0..<2_000 {
            let parts = (0..<Int(random.next() % 6)).map { _ in Self.text(&random) }
            let separator = [", ", " ", "", "\n", "…"][Int(random.next() % 5)]
            #expect(Renderer.joined(parts, separator: separator) == parts.joined(separator: separator))
        }
    }

    /// The label `harvest` gave a row before: its number, name and URL strings joined by spaces, nil when that is empty.
    static func referenceLabel(_ row: JSONValue) -> String? {
        let label = [row["display_phone_number"]?.string, row["name"]?.string, row["url"]?.string].compactMap { $0 }
            .joined(separator: " ")
        return label.isEmpty ? nil : label
    }

    @Test func aRowsLabelIsTheJoinedOne() {
        var random = SplitMix(seed: 61)
        var labelled = 0
        for _ in 0..<2_000 {
            var object = JSONObject()
            for key in ["display_phone_number", "name", "url", "id"] where random.next() % 3 != 0 {
                object[key] = random.next() % 5 == 0 ? .number("1") : .string(Self.text(&random))
            }
            let row = JSONValue.object(object)
            #expect(IDCache.label(of: row) == Self.referenceLabel(row))
            if IDCache.label(of: row) != nil { labelled += 1 }
        }
        #expect(labelled > 500)
    }

    /// `OwnLookups.decoded` before this session.
    static func referenceDecoded(_ path: String) -> String {
        let bare = path.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(path[..<$0]) } ?? path
        guard bare.utf8.contains(UInt8(ascii: "%")) else { return bare }
        return bare.removingPercentEncoding ?? bare
    }

    @Test func aDecodedPathIsTheOldReading() {
        var random = SplitMix(seed: 62)
        let pieces = ["/platform/v1", "/webhooks", "?", "page=1", "&", "%20", "%2F", "%", "%zz", "é", "…", "a", "#", "?x=%41"]
        for _ in 0..<3_000 {
            let path = Self.text(&random, pieces: pieces, most: 7)
            #expect(OwnLookups.decoded(path) == Self.referenceDecoded(path))
        }
    }

    /// `MessageInput.uuid` before this session's first line.
    static func referenceUUID(_ text: String) throws -> String {
        try IDArgument.refuseCredential(text, command: "webhooks", expected: .webhookID)
        let id = IDInput.cleaned(text)
        guard IDInput.isUUID(id) else { throw ShellError.invalidValue(command: "webhooks", what: "id", value: text, expected: "") }
        return id.lowercased()
    }

    /// Near-UUIDs: canonical ones with a character changed, added or dropped, in both cases, with credential prefixes,
    /// masks, quotes and look-alikes.
    static func nearUUID(_ random: inout SplitMix) -> String {
        var characters = Array("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70")
        let hex = Array("0123456789abcdefABCDEF")
        let digits = UInt64(random.next() % 4 == 0 ? 22 : 16)
        for index in characters.indices where characters[index] != "-" {
            characters[index] = hex[Int(random.next() % digits)]
        }
        let edits: [Character] = ["-", "g", "E", "A", "w", "_", "<", ">", "\"", " ", "…", "•", "\u{200B}", "０", "z"]
        for _ in 0..<Int(random.next() % 3 == 0 ? 1 + random.next() % 3 : 0) {
            let at = Int(random.next() % UInt64(characters.count + 1))
            switch random.next() % 3 {
            case 0: characters.insert(edits[Int(random.next() % UInt64(edits.count))], at: at)
            case 1: if at < characters.count { characters.remove(at: at) }
            default: if at < characters.count { characters[at] = edits[Int(random.next() % UInt64(edits.count))] }
            }
        }
        let text = String(characters)
        return random.next() % 10 == 0 ? ["whsec_", "EAA", "<", "\""][Int(random.next() % 4)] + text : text
    }

    @Test func aLowerCaseUUIDIsReadAsBefore() throws {
        var random = SplitMix(seed: 63)
        var (fast, refused) = (0, 0)
        for _ in 0..<5_000 {
            let text = Self.nearUUID(&random)
            let reference = Result { try Self.referenceUUID(text) }
            let read = Result { try MessageInput.uuid(text, command: "webhooks", what: "webhook id", expected: .webhookID) }
            switch (reference, read) {
            case (.success(let old), .success(let new)): #expect(old == new, "\(text)")
            case (.failure, .failure): refused += 1
            default: Issue.record("\(text): \(reference) then, \(read) now")
            }
            if MessageInput.isLowercaseUUID(text) {
                fast += 1
                #expect((try? reference.get()) == text)
            }
        }
        #expect(fast > 1_000 && refused > 500, "\(fast) read in place, \(refused) refused")
    }

    /// Values past ASCII that show as they are take `plainLine` now, and give `lines`' one line; the rest still go there.
    @Test func aValuePastASCIIShowsOnItsPlainLine() {
        var random = SplitMix(seed: 64)
        let pieces = ["whsec_", "…", "23", "é", "e\u{301}", "中文", " ", "\u{0D4E}", "\u{0D4E} ", "\u{200D}", "\u{2028}", "\u{85}", "\t", "\n", "a"]
        var (plain, general) = (0, 0)
        for round in 0..<4_000 {
            let renderer = Renderer(mode: .table, width: nil, color: round % 3 == 0)
            let value = Self.text(&random, pieces: pieces, most: 5)
            let field = Field("secret", value, style: round % 4 == 0 ? .warn : .plain)
            let width = 6 + Int(random.next() % 4)
            if let line = renderer.plainLine(field, labelWidth: width) {
                #expect([line] == renderer.lines(field, labelWidth: width), "\(value.unicodeScalars.map(\.value))")
                plain += 1
            } else {
                general += 1
            }
        }
        #expect(plain > 500 && general > 500)
        #expect(Renderer(mode: .table).plainLine(Field("secret", "whsec_…23"), labelWidth: 10) == "secret:     whsec_…23")
    }

    @Test func theUnverifiedWebhooksLineNamesTheNumbersAsBefore() {
        var random = SplitMix(seed: 65)
        for _ in 0..<300 {
            let numbers = (0..<Int(random.next() % 4)).map { index in (name: Self.text(&random), id: "10020030040050\(index)") }
            let health = numbers.count == 1 ? "'health \(numbers[0].id)' reads" : "'health ID' reads, for each,"
            let before = "webhook not verified by Meta yet: \(numbers.map(\.name).joined(separator: ", ")) (Meta marks it verified with "
                + "the first inbound message; \(health) whether inbound has come and what to do)"
            #expect(HealthTriage.unverifiedWebhooksLine(numbers) == before)
        }
    }
}
