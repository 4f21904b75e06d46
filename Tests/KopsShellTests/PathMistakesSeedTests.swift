import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe13's "every call returns 404" seed, over loopback (`Seeds/path-404.seed.json`: the API-log rows of real 404
/// and 400 causes): `errors`, `logs --errors`, plain `logs` and `whois` read one rule for a failed call's path
/// (P13-2 Kapso's id in a proxy path, P13-3 the project's number on a documented route, P13-4 a number that worked
/// two days earlier, P13-5 templates on the phone-number id, P13-6 near misses of a documented path).
@Suite struct PathMistakesSeedTests {
    static let seed = TestSeeds.path("path-404.seed.json")

    private func run(_ lines: [String]) async throws -> [(out: String, err: String, status: KopsShell.ExitStatus)] {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(Self.seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            return lines.map { line in
                let before = (output.out.count, output.err.count)
                let status = shell.run(line: line)
                return (String(output.out.dropFirst(before.0)), String(output.err.dropFirst(before.1)), status)
            }
        }
    }

    /// The meaning of each group, by its first path.
    private func meanings(_ json: String) throws -> [String: String] {
        let groups = try JSONValue.parse(Array(json.utf8))["groups"]?.array ?? []
        var byPath: [String: String] = [:]
        for group in groups {
            for variant in group["variants"]?.array ?? [] {
                if let path = variant.string { byPath[path] = group["meaning"]?.string ?? "" }
            }
        }
        return byPath
    }

    @Test func errorsAndLogsReadEachPathMistakeByItsKind() async throws {
        let ran = try await run(["errors --source api --period 30d --output json", "logs --errors --period 30d --output json"])
        for (out, err, status) in ran {
            #expect(status == .ok, "\(err)")
            let byPath = try meanings(out)
            // P13-2
            #expect(byPath["POST /meta/whatsapp/v24.0/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012/messages"]?.hasPrefix(
                "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012 is Kapso's id of Support Line, not its phone-number id; use 100200300400501") == true)
            #expect(byPath["GET /meta/whatsapp/v24.0/a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012/message_templates"]?.hasSuffix(
                "but /message_templates takes the WABA id: use 200300400500601 (the WABA of Support Line)") == true)
            // P13-3
            let own = try #require(byPath["POST /meta/whatsapp/v24.0/100200300400501/messages"])
            #expect(!own.contains("not an endpoint") && own.contains("'health 100200300400501'"), "\(own)")
            // P13-4: the 200 two days earlier is fetched for the unknown id, though errors read failures only.
            #expect(byPath["POST /meta/whatsapp/v24.0/100200300400503/messages"]?.hasPrefix(
                "100200300400503 is not a number of this project now, but key backend-prod's POST "
                    + "/meta/whatsapp/v24.0/100200300400503/messages was answered 200 at 2026-11-19T09:00:00Z") == true)
            #expect(byPath["POST /meta/whatsapp/v24.0/100200300400777/messages"]?.contains("not an id of this project") == true)
            // P13-5
            #expect(byPath["GET /meta/whatsapp/v24.0/100200300400501/message_templates"]?.hasSuffix(
                "use /200300400500601/message_templates (the WABA of Support Line)") == true)
            // P13-6
            #expect(byPath["POST /meta/whatsapp/24.0/100200300400501/messages"] ==
                "did you mean POST /meta/whatsapp/v24.0/100200300400501/messages? the version segment needs a leading v (v24.0)")
            #expect(byPath["POST /v24.0/100200300400501/messages"]?.hasPrefix(
                "did you mean POST /meta/whatsapp/v24.0/100200300400501/messages? a Graph path") == true)
            #expect(byPath["GET /platform/v1/platform/v1/whatsapp/phone_numbers"]?.hasPrefix(
                "did you mean GET /platform/v1/whatsapp/phone_numbers? /platform/v1 is in the path twice") == true)
            #expect(byPath["POST /meta/whatsapp/v24.0/100200300400501/message"]?.hasPrefix(
                "did you mean POST /meta/whatsapp/v24.0/100200300400501/messages?") == true)
            for (path, meaning) in byPath where path.contains("100200300400501") || path.contains("a1c2e3f4") {
                #expect(!meaning.contains("right for its place"), "\(path): \(meaning)")
            }
        }
    }

    /// `overview` names the same cause in its next steps: the number removed since, not "not an id of this project".
    @Test func overviewNamesANumberRemovedSince() async throws {
        let ran = try await run(["overview --output json"])
        let next = try JSONValue.parse(Array(ran[0].out.utf8))["next"]?.array ?? []
        let why = try #require(next.first { $0["command"]?.string == "whois 100200300400503" })["why"]?.string
        #expect(why == "2 failed calls from key backend-prod: 100200300400503 is no longer a number of this project "
            + "(answered 200 at 2026-11-19T09:00:00Z)", "\(next)")
    }

    /// `whois` of the number that worked before tells the same story as `errors`.
    @Test func whoisNamesANumberRemovedSince() async throws {
        let ran = try await run(["whois 100200300400503"])
        let text = ran[0].out + ran[0].err
        #expect(text.contains("100200300400503 is not a number of this project now, but key backend-prod's POST "
            + "/meta/whatsapp/v24.0/100200300400503/messages was answered 200 at 2026-11-19T09:00:00Z"), "\(text)")
        #expect(!text.contains("wrong project or key"), "\(text)")
    }
}
