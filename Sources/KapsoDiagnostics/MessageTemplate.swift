public import KapsoClient

/// A WhatsApp message template as Graph lists it (`GET /{waba}/message_templates`, kapso-api.md §14.3):
/// `{id, name, language, status, category, parameter_format, quality_score{score}, components[{type: HEADER|BODY|
/// FOOTER|BUTTONS, format, text, buttons}]}`.
///
/// Fields are read leniently (missing → nil/empty) so a template Meta added fields to still shows; whether it
/// can be sent is `TemplateCheck`'s job.
public struct MessageTemplate: Sendable, Equatable {
    /// A header: `TEXT` (with `text`, possibly with variables), a media format (`IMAGE`, `VIDEO`, `DOCUMENT`),
    /// `LOCATION` or `PRODUCT`, whose value a send must supply.
    public struct Header: Sendable, Equatable {
        public var format: String
        public var text: String?

        /// An image, video or document, given by link (`--header-media`).
        public var isMedia: Bool { format != "TEXT" && format != "LOCATION" && !isProduct }
        /// A map: latitude, longitude, name and address given at send time (`--header-location`).
        public var isLocation: Bool { format == "LOCATION" }
        /// A single-product (SPM) template's header: a product of the WABA's catalog, given at every send as
        /// `{"type": "product", "product": {"product_retailer_id", "catalog_id"}}` — not a link (Meta, single-product
        /// message templates, as probe28 quotes it,
        /// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/single-product-message-templates;
        /// whatsapp-api-js `HeaderParameter` takes a `CatalogProduct`, https://whatsappapijs.web.app/classes/messages.HeaderParameter.html,
        /// whose `ActionProduct` is `catalog_id` + `product_retailer_id`). Probe28 P28-14: it was read as media.
        public var isProduct: Bool { format == "PRODUCT" }
    }

    /// A button: `QUICK_REPLY`, `URL` (with `url`, a trailing `{{1}}` when dynamic), `PHONE_NUMBER`, `OTP`, ...
    public struct Button: Sendable, Equatable {
        public var type: String
        public var text: String
        public var url: String?
        /// `COPY_CODE`, `ONE_TAP`, `ZERO_TAP` on `OTP` buttons.
        public var otpType: String?
        /// A `COPY_CODE` button's example code (`SAVE20`), set at creation; the code itself is given at each send.
        public var example: String? = nil
    }

    /// A card of a media-card carousel (`CAROUSEL` component, `cards[].components`): its header is an image or a
    /// video whose media every send gives, as the values of its body variables and dynamic URL buttons (Meta, media
    /// card carousel templates,
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/media-card-carousel-templates/).
    public struct Card: Sendable, Equatable {
        /// `IMAGE` or `VIDEO`; nil when the card has no header.
        public var headerFormat: String?
        public var bodyVariables: [String]
        /// How many of its URL buttons end in a variable.
        public var dynamicURLButtons: Int
    }

    /// A limited-time offer template's `LIMITED_TIME_OFFER` component: `{"type": "limited_time_offer",
    /// "limited_time_offer": {"text": "Expiring offer!", "has_expiration": true}}` (Meta, "Limited-time offer templates",
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/limited-time-offer-templates/,
    /// as Kapso mirrors it at https://whatsapp-docs.kap.so/documentation/whatsapp/templates/marketing-templates/limited-time-offer-templates:
    /// MARKETING only, no footer, offer text at most 16 characters, `has_expiration` optional, an offer code example
    /// required). With `has_expiration` every send gives the time in a `limited_time_offer` component,
    /// `{"type": "limited_time_offer", "parameters": [{"type": "limited_time_offer", "limited_time_offer":
    /// {"expiration_time_ms": 1713961800000}}]}` (Unix milliseconds; fast2sms's "Send Limited Time Offer Template
    /// Message", https://docs.fast2sms.com/reference/sendlimitedtimeoffertemplate, and the WhatsApp types of public SDKs
    /// give the same shape; the send half of Meta's page was not read here). Whether a send of one without
    /// `has_expiration` needs that component is not documented in what was read.
    public struct LimitedTimeOffer: Sendable, Equatable {
        /// The offer details text (`Expiring offer!`); nil when Graph gave none.
        public var text: String?
        /// `has_expiration`: the delivered message shows the expiration (and a send must give it).
        public var hasExpiration: Bool
    }

    public var id: String
    public var name: String
    /// Meta's language code, e.g. `en_US`, `es`.
    public var language: String
    /// `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED`, `IN_APPEAL`, ... (upper case as Meta sends it).
    public var status: String
    /// `MARKETING`, `UTILITY`, `AUTHENTICATION`.
    public var category: String
    /// `NAMED` (`{{order_id}}`) or `POSITIONAL` (`{{1}}`, the default when absent).
    public var isNamed: Bool
    /// `quality_score.score`: `GREEN`, `YELLOW`, `RED`, `UNKNOWN`; nil when not given.
    public var quality: String?
    /// Meta's review reason on rejected templates (`INVALID_FORMAT`, ...); nil for `NONE` or absent.
    public var rejectedReason: String?
    public var header: Header?
    /// BODY text; nil when the template has no BODY component (Meta requires one).
    public var body: String?
    public var footer: String?
    public var buttons: [Button]
    /// The cards of a carousel template, empty for any other.
    public var carousel: [Card]
    /// The offer of a limited-time offer template, nil for any other.
    public var limitedTimeOffer: LimitedTimeOffer?
    /// The object as Graph sent it.
    public var json: JSONObject

    public init(json: JSONObject) {
        self.json = json
        func text(_ value: JSONValue?) -> String? { value?.string }
        id = text(json["id"]) ?? ""
        name = text(json["name"]) ?? ""
        language = text(json["language"]) ?? ""
        status = (text(json["status"]) ?? "UNKNOWN").uppercased()
        category = (text(json["category"]) ?? "UNKNOWN").uppercased()
        isNamed = text(json["parameter_format"])?.uppercased() == "NAMED"
        quality = text(json["quality_score"]?["score"])
        rejectedReason = text(json["rejected_reason"]).flatMap { $0 == "NONE" ? nil : $0 }
        header = nil
        body = nil
        footer = nil
        buttons = []
        carousel = []
        limitedTimeOffer = nil
        for component in json["components"]?.array ?? [] {
            switch text(component["type"])?.uppercased() {
            case "HEADER"?: header = Header(format: (text(component["format"]) ?? "TEXT").uppercased(), text: text(component["text"]))
            case "BODY"?: body = text(component["text"]) ?? ""
            case "FOOTER"?: footer = text(component["text"])
            case "BUTTONS"?:
                buttons = Self.buttons(of: component)
            case "LIMITED_TIME_OFFER"?:
                let offer = component["limited_time_offer"]
                limitedTimeOffer = LimitedTimeOffer(
                    text: text(offer?["text"]),
                    hasExpiration: offer?["has_expiration"]?.bool ?? (text(offer?["has_expiration"])?.lowercased() == "true"))
            case "CAROUSEL"?:
                carousel = (component["cards"]?.array ?? []).map { card in
                    var read = Card(headerFormat: nil, bodyVariables: [], dynamicURLButtons: 0)
                    for part in card["components"]?.array ?? [] {
                        switch text(part["type"])?.uppercased() {
                        case "HEADER"?: read.headerFormat = text(part["format"])?.uppercased()
                        case "BODY"?: read.bodyVariables = TemplateText.variables(in: text(part["text"]) ?? "")
                        case "BUTTONS"?:
                            read.dynamicURLButtons = Self.buttons(of: part).filter {
                                $0.type == "URL" && !TemplateText.variables(in: $0.url ?? "").isEmpty
                            }.count
                        default: continue
                        }
                    }
                    return read
                }
            default: continue
            }
        }
    }

    /// A BUTTONS component's buttons; a `COPY_CODE` button's `example` is a string (Meta's coupon code templates).
    private static func buttons(of component: JSONValue) -> [Button] {
        (component["buttons"]?.array ?? []).map { button in
            Button(
                type: (button["type"]?.string ?? "").uppercased(), text: button["text"]?.string ?? "",
                url: button["url"]?.string, otpType: button["otp_type"]?.string,
                example: button["example"]?.string ?? button["example"]?[0]?.string)
        }
    }

    /// Variables of the text header, in the order a send's parameters fill them (none for media and location headers).
    public var headerVariables: [String] {
        guard let header, header.format == "TEXT", let text = header.text else { return [] }
        return inSendOrder(TemplateText.variables(in: text))
    }

    /// Variables of the body, in the order a send's parameters fill them.
    public var bodyVariables: [String] { inSendOrder(body.map(TemplateText.variables(in:)) ?? []) }

    /// A positional template's parameters fill `{{1}}`, `{{2}}`, … by their place in the array, whatever order the
    /// text uses them in (Meta's template messages reference: "parameters … in the order of the variables"); named ones
    /// are matched by `parameter_name`, so their order is the text's. A body written `{{2}} … {{1}}` read in text order
    /// sent its values swapped while the preview showed them right.
    private func inSendOrder(_ names: [String]) -> [String] {
        guard !isNamed else { return names }
        return names.enumerated().sorted { (Int($0.element) ?? .max, $0.offset) < (Int($1.element) ?? .max, $1.offset) }.map(\.element)
    }

    /// The button whose code a send must repeat (copy-code and one-tap buttons of AUTHENTICATION templates): an `OTP`
    /// button, or the `URL` button Graph lists in its place. Meta: "in your template creation request the button type
    /// is designated as OTP, but upon creation the button type will be set to URL. You can confirm this by performing a
    /// GET request on a newly created authentication template"
    /// (https://developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates/copy-code-button-authentication-templates),
    /// its URL `https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&…&code=otp{{1}}`. Read as a dynamic URL button, the
    /// most common template of "OTP messages don't arrive" was refused as unsendable (probe45 P45-3).
    public var otpButtonIndex: Int? {
        buttons.indices.first { isOTPButton(buttons[$0]) }
    }

    /// True for an `OTP` button, or an AUTHENTICATION template's `URL` button to `www.whatsapp.com/otp/code/`.
    func isOTPButton(_ button: Button) -> Bool {
        if button.type == "OTP" { return true }
        guard button.type == "URL", category == "AUTHENTICATION" || category == "UNKNOWN" else { return false }
        return (button.url ?? "").lowercased().hasPrefix("https://www.whatsapp.com/otp/code/")
    }

    /// The `COPY_CODE` button (coupon code templates), whose code every send gives: "Send only: … Coupon code (copy code
    /// button value)" (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/coupon-templates).
    /// An AUTHENTICATION template's copy-code button is an `OTP` button with `otp_type` COPY_CODE, not this.
    public var couponButtonIndex: Int? {
        buttons.firstIndex { $0.type == "COPY_CODE" }
    }

    /// The first button whose send-time value is an `action` object kops cannot build, with its type: `MPM` (a
    /// multi-product template: every send gives `{"type": "button", "sub_type": "mpm", "index": N, "parameters": [{"type":
    /// "action", "action": {"thumbnail_product_retailer_id", "sections": [{"title", "product_items": [{"product_retailer_id"}]}]}}]}`,
    /// 1 to 10 sections — Meta, multi-product message templates,
    /// https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/mpm-templates; the same
    /// shape in fast2sms's "Send Multi-Product Template Message", https://docs.fast2sms.com/reference/sendmultiproducttemplate,
    /// and whatsapp-api-js `MPMComponent`, https://whatsappapijs.web.app/classes/messages.MPMComponent.html) or
    /// `ORDER_DETAILS` (a payments template, whose order — items, totals, payment settings — Meta takes in the button's
    /// action at every send; its exact fields were not checked against Meta's page here). Probe28 P28-1: both were
    /// "parameters: none" and sent with `components: []`.
    public var actionButton: (index: Int, type: String)? {
        buttons.firstIndex { $0.type == "MPM" || $0.type == "ORDER_DETAILS" }.map { ($0, buttons[$0].type) }
    }

    /// URL buttons with a variable at the end of the URL (a send must give its suffix).
    public var dynamicURLButtons: [Int] {
        buttons.indices.filter {
            buttons[$0].type == "URL" && !isOTPButton(buttons[$0]) && !TemplateText.variables(in: buttons[$0].url ?? "").isEmpty
        }
    }
}
