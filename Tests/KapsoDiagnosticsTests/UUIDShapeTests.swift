import KapsoDiagnostics
import Testing

/// probe24 P24-2: what keeps nearly-UUID text from being a UUID, said so the whole id can be quoted with its defect.
@Suite struct UUIDShapeTests {
    @Test(arguments: [
        ("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8", "its groups have 8-4-4-4-11 hex digits; a UUID's have 8-4-4-4-12 (one digit short: copied in part?)"),
        ("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a812", "its groups have 8-4-4-4-13 hex digits; a UUID's have 8-4-4-4-12 (one digit too many)"),
        ("4e5f6a7b-8c9d4-e0f-9a1b-3c4d5e6f7a81", "its groups have 8-5-3-4-12 hex digits; a UUID's have 8-4-4-4-12"),
        ("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8g", "character 36 is 'g', not a hex digit (0-9, a-f)"),
        ("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f 7a8", "character 33 is a space, not a hex digit (0-9, a-f)"),
        ("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --yes", "it is a UUID followed by a space and 5 more characters (a value that held two words?)"),
        // probe25 P25-5: a UUID spelt another way, quoted whole with the UUID it stands for.
        ("4e5f6a7b\u{2013}8c9d\u{2013}4e0f\u{2013}9a1b\u{2013}3c4d5e6f7a81",
         "it has U+2013 (a dash a chat or document put in) where a UUID has '-': as a UUID it is 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"),
        ("4E5F6A7B8C9D4E0F9A1B3C4D5E6F7A81",
         "it is 32 hex digits without a UUID's dashes (Meta's conversation ids look so too): as a UUID it is 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"),
        ("urn:uuid:4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81", "it has a 'urn:uuid:' prefix: as a UUID it is 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"),
    ])
    func namesTheDefect(text: String, defect: String) {
        #expect(UUIDShape.defect(text) == defect)
    }

    @Test(arguments: ["4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81", "100200300400501", "whsec_0123456789abcdef0123456789abcdef", "nope",
                      "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQ2MTE0QTBCQTNDMzRENjY0RDU4MwA="])
    func saysNothingOfAUUIDOrOtherText(text: String) {
        #expect(UUIDShape.defect(text) == nil)
    }

    /// Nearly-UUID text is quoted whole (hex digits and dashes hold no secret); other long text is still cut.
    @Test func echoQuotesANearlyUUIDWholeAndCutsOtherText() {
        #expect(IDInput.echo("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8") == "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8")
        #expect(IDInput.echo("whsec_0123456789abcdef0123456789abcdef") == "whsec_0123456789abcdef0…")
    }
}
