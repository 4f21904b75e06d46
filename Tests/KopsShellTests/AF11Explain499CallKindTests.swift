import KopsShell
import Testing

/// fix59E's leftover of tester59 AF11: `explain` gave a 499 the send and the read reading at once; the line's method and
/// path pick one, and a line that names neither gets one hedged sentence.
@Suite struct AF11Explain499CallKindTests {
    @Test func a499OnASendIsUnknownOnly() {
        let ran = OfflineShell.run("explain", "POST /meta/whatsapp/v24.0/100200300400501/messages 499")
        #expect(ran.out.contains("the outcome is unknown: the message may have been sent"), "\(ran.out)")
        #expect(!ran.out.contains("for a read") && !ran.out.contains("if it was a read"), "\(ran.out)")
    }

    @Test func a499OnAReadSaysTheCallerGaveUp() {
        let ran = OfflineShell.run("explain", "GET /platform/v1/whatsapp/conversations 499")
        #expect(ran.out.contains("longer timeout"), "\(ran.out)")
        #expect(!ran.out.contains("outcome is unknown") && !ran.out.contains("may have taken effect"), "\(ran.out)")
    }
}
