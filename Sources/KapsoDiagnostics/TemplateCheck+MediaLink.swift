extension TemplateCheck {
    /// A note for a header media link Meta cannot fetch (`MediaLinkReach`), nil otherwise: the send is accepted and
    /// fails later with 131053 (kapso-api.md §9.5). A note, not a refusal: the API accepts the request (probe45 P45-12).
    /// With the header's `format`, a link whose extension names another media type than the header takes gets one too
    /// (`MediaLinkType.mismatchNote`, tester58 AD6.1).
    public static func headerMediaNote(_ link: String, format: String? = nil) -> String? {
        guard let reach = MediaLinkReach.of(link) else { return format.flatMap { MediaLinkType.mismatchNote(link, format: $0) } }
        return "the header media link is \(reach.what): \(reach.why), so the message fails with 131053; \(reach.fix)"
    }
}
