import KopsShell
import Testing

@Suite struct ExplainCommandTests {
    @Test func explainsReEngagementAsFields() {
        let result = OfflineShell.run("explain", "131047")
        #expect(result.status == .ok)
        #expect(
            result.out == """
                code:       131047
                name:       re-engagement (24 h window closed)
                meaning:    the contact last wrote more than 24 hours ago, so free-form messages are refused
                what to do: send an approved template; free-form works again after the contact replies
                retry:      no: the same request fails again
                category:   reengagementWindow (Kapso JS SDK)

                """)
        #expect(result.err == "")
        #expect(result.requests == 0)
    }

    @Test func explainsAKapsoStringCodeWithoutACategory() {
        let result = OfflineShell.run("explain", "insufficient_credits")
        #expect(result.status == .ok)
        #expect(result.out.contains("retry:      after topping up the Kapso balance\n"))
        #expect(!result.out.contains("category"))
    }

    @Test(arguments: ["99999999", "abc", "131047x"])
    func unknownCodeIsOneLineWithStatusOne(code: String) {
        let result = OfflineShell.run("explain", code)
        #expect(result.status == .failure)
        #expect(result.out == "")
        #expect(
            result.err
                == "error: unknown error code '\(code)'; check Meta's error reference "
                + "(https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes)\n")
    }

    @Test func missingCodeIsAUsageError() {
        let result = OfflineShell.run("explain")
        #expect(result.status == .usage)
        #expect(result.err == "error: explain: missing error code; usage: explain CODE\n")
    }

    @Test func printsStructuredJSON() {
        let offline = OfflineShell()
        offline.shell.run(line: "output json; explain 250")
        #expect(
            offline.output.out == """
                {
                  "code": "250",
                  "name": "permission",
                  "meaning": "the app lacks a permission this call needs",
                  "fix": "check the app's permissions and the number's allow-listing",
                  "retry": "fix_first",
                  "retry_advice": "only after fixing the cause; the same request fails again",
                  "category": "permission",
                  "source": "meta"
                }

                """)
    }
}
