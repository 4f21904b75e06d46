import KapsoClient
import KapsoDiagnostics
import Testing
@testable import KapsoSimulator

/// The simulator's log search places a status at the time kops's `trace` reads from it (KapsoDiagnostics
/// `StatusHistory`), each reading its own JSON: the same `timestamp` text gives the same second, or no time in both.
@Suite struct StatusTimeAgreementTests {
    @Test(arguments: [
        #""1795262102""#, "1795262102", "1795262102.0", #""2026-11-21T11:55:02Z""#, #""2026-11-21T11:55:02.123456+00:00""#,
        #""2026-11-21T13:55:02+02:00""#, #""2026-11-21T06:55:02-0500""#, #""1795262102000""#, "1795262102000",
        #""1795262102.25""#, "1795262102.5",
        // Forms kops does not read: microseconds, nanoseconds, zero, far from the message, too big, not a time.
        #""1795262102000000""#, "1795262102000000", #""1795262102000000000""#, "1795262102000000000", #""0""#, "0",
        #""2019-01-01T00:00:00Z""#, #""1795000000""#, "99999999999999999999999", "1e300", #""soon""#, #""-1795262102""#,
        #""17952621020""#, "true", "null",
    ])
    func theSimulatorPlacesAStatusWhereKopsReadsIt(_ timestamp: String) throws {
        // `.parse` is kops's JSONValue (KapsoClient's), the type `StatusHistory` takes; `JSONParser` the simulator's.
        let statuses = Array(#"[{"status":"delivered","timestamp":\#(timestamp)}]"#.utf8)
        let kops = StatusHistory(statuses: try .parse(statuses), sentAt: 1_795_262_000, messageID: nil).events.first?.time
        let simulator = StatusTime.read(try JSONParser.parse(Array(timestamp.utf8)), message: "1795262000")
        #expect(simulator?.seconds == kops)
    }
}
