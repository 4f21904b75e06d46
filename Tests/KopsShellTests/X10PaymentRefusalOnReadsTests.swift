import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester66b X10 (`Seeds/x10-402-logs.seed.json`: `backend-prod` rows with "(#100) Invalid parameter", a POST send
/// answered 402, a GET message_templates answered 402, a POST answered 400 and a GET messages answered 402): `logs --errors`
/// and `errors` gave the GET rows "invalid parameter in the body of a payment refusal: check the project's Kapso credits
/// first", Kapso's reading of a *send* 402; and the same GET live (`templates` under a `402:path=/meta/` fault) said only
/// "the API rejected the request (402): (#100) Invalid parameter". Now the credits reading is a send's only; a read's 402
/// says status and body disagree, in the log and live alike.
@Suite struct X10PaymentRefusalOnReadsTests {
    static let seed = "x10-402-logs.seed.json"
    static let readAdvice = "invalid parameter in the body of a 402: the status and the body disagree (a 402 on a call that sends nothing"

    static func rows(_ line: String) async throws -> [Substring] {
        let ran = try await runDemo([line], number: "100200300400501", seed: TestSeeds.file(seed), width: 3000)
        return (ran[0].out + ran[0].err).split(separator: "\n").filter { $0.contains("backend-prod") && $0.contains("#100") || $0.contains("(#100) Invalid parameter") }
    }

    @Test(arguments: ["logs --errors --flat", "errors"])
    func readsAnswered402AreNotTheCredits(line: String) async throws {
        let rows = try await Self.rows(line)
        let send = try #require(rows.first { $0.contains("POST") && $0.contains("/100200300400501/messages") && $0.contains("402") }, "\(rows)")
        #expect(send.contains("in the body of a payment refusal: check the project's Kapso credits first"), "\(send)")
        let reads = rows.filter { $0.contains("GET ") && $0.contains("402") }
        #expect(reads.count == 2, "\(rows)")
        for read in reads {
            #expect(!read.contains("credits"), "\(read)")
            #expect(!read.contains("payment refusal"), "\(read)")
            #expect(read.contains(Self.readAdvice), "\(read)")
        }
    }

    @Test func theSameReadLiveGetsTheLogsReading() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            try fixture.setFaults("402:path=/meta/")
            let status = shell.run(line: "templates")
            #expect(status != .ok)
            #expect(output.err.contains("the API rejected the request (402): (#100) Invalid parameter; " + Self.readAdvice), "\(output.err)")
            #expect(!output.err.contains("credits"), "\(output.err)")
            #expect(output.err.split(separator: "\n").count == 1, "\(output.err)")
        }
    }
}
