import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The probe35 findings on real Graph and Kapso error shapes, over loopback with the outside tester's inputs
/// (`Tests/Seeds/probe35-*.seed.json` are /tmp/p35/repro4, repro5 and repro8's seeds as they were): a send to the WABA id
/// or the app id refused without Graph's "Object with ID" sentence (P35-4), Graph's 2500 "Unknown path components" (P35-5),
/// `reply --to` an impossible number (P35-6), Kapso's documented marketing opt-out text (P35-8), and `explain` of a pasted
/// Graph body with a subcode and user title and message (P35-9). The demo's clock is 2026-11-21T12:00:00Z.
@Suite struct Probe35ErrorsTests {
    static let wabaSeed = Probe28RealTests.seed("probe35-waba-send")
    static let pathSeed = Probe28RealTests.seed("probe35-unknown-path")
    static let optOutSeed = Probe28RealTests.seed("probe35-opt-out")

    /// The rows of a flat view whose WHAT holds `path`, with `status` in ERROR.
    static func rows(_ out: String, _ path: String, _ status: String) -> [String] {
        out.split(separator: "\n").map(String.init).filter { $0.contains(path) && $0.contains(" \(status) ") }
    }

    /// P35-4: 400 and 403 on POST /{WABA id}/messages name the WABA id whatever Graph's text; the app id from health too.
    @Test func aSendToTheWABAOrAppIDNamesTheIDKindWhateverTheText() async throws {
        let runs = try await runDemo(
            ["errors --flat --period 24h", "errors --period 24h --output json"], number: nil, seed: Self.wabaSeed, width: 2_000)
        let flat = runs[0].out
        #expect(runs[0].status == 0, "\(runs[0].err)")
        let waba = Self.rows(flat, "/200300400500601/messages", "400") + Self.rows(flat, "/200300400500601/messages", "403")
        #expect(waba.count == 4, "\(flat)")
        for row in waba {
            #expect(row.contains("200300400500601 is a WABA id, not a phone-number id"), "\(row)")
            #expect(!row.contains("fix the payload") && !row.contains("check the token's permissions"), "\(row)")
        }
        let app = try #require(Self.rows(flat, "/400500600700801/messages", "400").first, "\(flat)")
        #expect(app.contains("400500600700801 is the Meta app id"), "\(app)")
        #expect(app.contains("not a phone-number id") && !app.contains("fix the payload"), "\(app)")
        // The grouped view reads them the same.
        let meanings = (try JSONValue.parse(Array(runs[1].out.utf8))["groups"]?.array ?? []).compactMap { $0["meaning"]?.string }
        #expect(!meanings.contains { $0.contains("fix the payload") }, "\(meanings)")
        #expect(meanings.contains { $0.hasPrefix("400500600700801 is the Meta app id") }, "\(meanings)")
    }

    /// P35-5: Graph's 2500 names the version (v99.0, v2.80) or the unknown part (/extra), not "it usually names the field".
    @Test func unknownPathComponentsNameTheVersionOrThePart() async throws {
        let runs = try await runDemo(["errors --flat --period 24h", "explain 2500"], number: nil, seed: Self.pathSeed, width: 2_000)
        let flat = runs[0].out
        for version in ["v99.0", "v2.80"] {
            let row = try #require(Self.rows(flat, "/\(version)/100200300400501/messages", "400").first, "\(flat)")
            #expect(row.contains("the path asks Graph \(version), a version Meta never released"), "\(row)")
            #expect(row.contains("use v24.0, the version Kapso documents its proxy at"), "\(row)")
        }
        let extra = try #require(Self.rows(flat, "/messages/extra", "400").first, "\(flat)")
        #expect(extra.contains("Graph could not read /extra in the path"), "\(extra)")
        #expect(!flat.contains("it usually names the field"), "\(flat)")
        #expect(runs[1].status == 0, "\(runs[1].err)")
        // The code alone names both of Graph's 2500 causes (P37-14).
        #expect(runs[1].out.contains("name:       unknown path or inactive access token (Graph)"), "\(runs[1].out)")
        #expect(runs[1].out.contains("arsduo/koala#611"), "\(runs[1].out)")
    }

    /// P35-6: `reply --to` a `+` number of a length its country does not use is refused with the count of digits and the
    /// length expected (exit 64), before any window talk; a kept trunk prefix names the number without it. The typed digits
    /// are echoed once, not again after the count (probe37).
    @Test(arguments: [
        ("+1 1 415 555 0190", "expected 10 digits after +1 (a NANP number), not 11: the leading 1", "write +14155550190"),
        ("+7 8 912 345 67 89", "expected 10 digits after +7 (a Russian or Kazakh number), not 11: the leading 8", "write +79123456789"),
        ("+1 415 555 01901", "expected 10 digits after +1 (a NANP number), not 11: check the number", "check the number"),
    ])
    func anImpossibleNumberIsRefusedBeforeTheWindow(typed: String, says: String, fix: String) async throws {
        for force in ["", " --force"] {
            let ran = try await runDemo(["reply --to '\(typed)' --dry-run\(force) hi"], number: "100200300400501", seed: .demo)[0]
            #expect(ran.status == 64, "\(ran.out)\(ran.err)")
            #expect(ran.err.contains(says) && ran.err.contains(fix), "\(ran.err)")
            #expect(!ran.err.contains("window") && !ran.out.contains("\"to\""), "\(ran.out)\(ran.err)")
            #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
        }
    }

    /// P35-8: Kapso's documented 422 text, the bare code and the body read as `marketing_preference_stopped`, the same in
    /// the flat and grouped views.
    @Test func kapsosMarketingOptOutTextIsReadAsItsCode() async throws {
        let runs = try await runDemo(
            ["errors --flat --period 24h --source api", "errors --period 24h --source api --output json"], number: nil, seed: Self.optOutSeed, width: 2_000)
        let rows = Self.rows(runs[0].out, "/100200300400501/messages", "422")
        #expect(rows.count == 3, "\(runs[0].out)")
        for row in rows {
            #expect(row.contains("Kapso marketing pre-check") && row.contains("do not retry"), "\(row)")
            #expect(!row.contains("it usually names the field"), "\(row)")
        }
        let groups = try JSONValue.parse(Array(runs[1].out.utf8))["groups"]?.array ?? []
        let meanings = groups.compactMap { $0["meaning"]?.string }
        #expect(!meanings.isEmpty && meanings.allSatisfy { $0.hasPrefix("Kapso marketing pre-check") }, "\(meanings)")
        #expect(groups.compactMap { $0["count"]?.int }.reduce(0, +) == 3, "\(groups)")
    }

    /// P35-9: `explain` of a pasted Graph body prints its subcode, user title and user message, and sends the reader to
    /// error_data.details only when the body has it.
    @Test func explainReadsTheUserTitleMessageAndSubcode() async throws {
        let body = #"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_subcode":2494010,"#
            + #""error_user_title":"Invalid WhatsApp number","error_user_msg":"The phone number is not a valid WhatsApp number"}}"#
        let bare = #"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}"#
        let runs = try await runDemo(["explain '\(body)'", "explain '\(body)' --output json", "explain '\(bare)'", "explain 100"], number: nil)
        let out = runs[0].out
        #expect(out.contains("subcode:    2494010"), "\(out)")
        #expect(out.contains("user title: Invalid WhatsApp number"), "\(out)")
        #expect(out.contains("user msg:   The phone number is not a valid WhatsApp number"), "\(out)")
        #expect(out.contains("what to do: fix the payload; Meta's error_user_msg names the field"), "\(out)")
        #expect(!out.contains("error_data.details"), "\(out)")
        let json = try JSONValue.parse(Array(runs[1].out.utf8))
        #expect(json["error_user_msg"]?.string == "The phone number is not a valid WhatsApp number", "\(runs[1].out)")
        #expect(json["error_subcode"]?.int == 2494010, "\(runs[1].out)")
        #expect(runs[2].out.contains("Meta named no field (the error has no error_data.details or user message)"), "\(runs[2].out)")
        // A code alone says nothing of a body: the catalogue's fix as it is.
        #expect(runs[3].out.contains("fix the payload; error_data.details names the field"), "\(runs[3].out)")
    }
}
