import KapsoDiagnostics
import KopsShell
import Testing

/// tester59b AG8: `status=400 body={"error":"…"}` (a structured logger's line) dropped the pasted status and asked for
/// it; `403 {"error":"Forbidden"}` said "read the error text beside it" with the text shown above; a 400's text with no
/// id pasted pointed at "'whois ID'".
@Suite struct AG8ExplainStatusFieldBesideBodyTests {
    @Test(arguments: [
        (#"status=400 body={"error":"Invalid phone number format"}"#, "400"),
        (#"level=error http_status=422 body={"error":"Invalid phone number format"}"#, "422"),
    ])
    func theStatusFieldIsRead(_ text: String, status: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains("HTTP status: \(status)"), "\(ran.out)")
        #expect(ran.out.contains("Invalid phone number format"), "\(ran.out)")
        #expect(!ran.out.contains("paste the status with it"), "\(ran.out)")
    }

    @Test func a403WithItsTextPointsAtTheText() {
        let ran = OfflineShell.run("explain", #"403 {"error":"Forbidden"}"#)
        #expect(ran.out.contains("forbidden") && ran.out.contains("Kapso's text above"), "\(ran.out)")
        #expect(!ran.out.contains("read the error text beside it"), "\(ran.out)")
    }

    @Test func aTextWithNoIDNamesNoWhois() {
        let ran = OfflineShell.run("explain", #"400 {"error":"Template parameters mismatch"}"#)
        #expect(ran.out.contains("Kapso's text says what"), "\(ran.out)")
        #expect(!ran.out.contains("whois ID"), "\(ran.out)")
    }

    /// A field that is no status stays whole: `retry_after=30` is no code.
    @Test func anotherFieldIsNoStatus() {
        #expect(PastedError("retry_after=30 error 131047")?.code == "131047")
    }
}
