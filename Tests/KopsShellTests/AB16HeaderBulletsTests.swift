import KopsShell
import Testing

/// tester57 AB16: a header whose `- ` bullets an editor wrote as `* ` (the same list in CommonMark) was ignored, and
/// check said the transcript was recorded with profile default. `* ` and `+ ` read as `- `.
@Suite struct AB16HeaderBulletsTests {
    @Test(arguments: ["* ", "+ ", "- "])
    func aHeaderWithOtherBulletsIsRead(_ bullet: String) {
        let text = "# kops transcript\n\n\(bullet)profile: sim\n\(bullet)phone number id: 100200300400501\n"
            + "\(bullet)output: json\n\(bullet)sources: phone_number_id=use\n\n```kops\nkops(sim:…0501)> state\n```\n"
        let header = TranscriptParser(text).header
        #expect(header.profile == "sim")
        #expect(header.phoneNumberID == "100200300400501")
        #expect(header.output == .json)
        #expect(header.sources == ["phone_number_id": "use"])
    }
}
