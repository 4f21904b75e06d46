import KopsTestSupport
import Testing

/// tester64 T6: `message 100200300400501` (a phone-number id where a WAMID goes) ended "…; use 100200300400501", which
/// read as "use the id you just gave". The line now says what `use` does with it and what lists the messages.
@Suite struct T6PhoneNumberIDAsMessageIDTests {
    @Test func theAdviceSaysWhatUseDoes() async throws {
        let ran = try await runDemo("message 100200300400501")
        #expect(
            ran.err == "error: 100200300400501 is the phone-number id of Support Line (+1 415-555-0100), not a message id "
                + "(WAMID); 'use 100200300400501' selects this number, then 'messages' lists its messages\n",
            "\(ran.err)")
    }
}
