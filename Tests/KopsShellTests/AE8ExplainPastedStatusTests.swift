import KapsoClient
import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester58b AE8: `explain` of a pasted HTTP status with a code reported the catalogue's status as `http_status` (a
/// pasted 503 with code 131000 showed 500; `429 Too Many Requests (#130429)` showed 400) and no line held the status
/// pasted; and `explain 'request 1234567 failed with status 400'` read the request's number as Graph code 1234567
/// ("unknown error code"). The pasted status is reported as pasted, beside the one Meta documents; a number after
/// "request", "id", "trace" is no code.
@Suite struct AE8ExplainPastedStatusTests {
    @Test(arguments: [
        ("HTTP 503, retry after 30, code 131000", 503, 500), ("Error: 429 Too Many Requests (#130429)", 429, 400),
        ("statusCode: 400, code: 131047", 400, 400),
        (#"Request failed with status code 502 {"error":{"message":"(#131000) Something went wrong","code":131000}}"#, 502, 500),
    ])
    func theJSONReportsThePastedStatus(text: String, pasted: Int, documented: Int) throws {
        #expect(PastedError(text)?.httpStatus == pasted)
        let run = OfflineShell.run("explain", text, "--output", "json")
        let json = try JSONValue.parse(Array(run.out.utf8))
        #expect(json["http_status"]?.int == pasted, "\(run.out)")
        #expect(json["meta_http_status"]?.int == documented, "\(run.out)")
        #expect(json["http_status_source"]?.string == "pasted", "\(run.out)")
    }

    @Test func theTextSaysThePastedStatusBesideMetas() {
        let run = OfflineShell.run("explain", "HTTP 503, retry after 30, code 131000")
        #expect(run.out.contains("HTTP:       503 as pasted; Meta documents 131000 with HTTP 500"), "\(run.out)")
    }

    /// A code alone keeps the catalogue's status, and says no status was pasted.
    @Test func aCodeAloneKeepsMetasStatus() throws {
        #expect(PastedError("131047")?.httpStatus == nil)
        let run = OfflineShell.run("explain", "131047", "--output", "json")
        let json = try JSONValue.parse(Array(run.out.utf8))
        #expect(json["http_status"]?.int == 400, "\(run.out)")
        #expect(json["http_status_source"] == nil, "\(run.out)")
    }

    @Test(arguments: [
        "request 1234567 failed with status 400", "request_id: 1234567, status 400", "trace 1234567 status 400",
        "order id 1234567 failed with status 400",
    ])
    func aRequestsNumberIsNoCode(text: String) {
        #expect(PastedError(text)?.code == "400", "\(String(describing: PastedError(text)))")
        let run = OfflineShell.run("explain", text)
        #expect(!run.err.contains("unknown error code '1234567'"), "\(run.err)")
        #expect(run.out.contains("HTTP status"), "\(run.out)")
    }
}
