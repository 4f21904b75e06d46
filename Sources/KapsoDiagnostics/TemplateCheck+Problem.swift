// MARK: - Problem

extension TemplateCheck {
    /// Why a send would be refused, with the code the API would give.
    public enum Problem: Error, Sendable, Equatable {
        case noBody
        case notApproved(status: String)
        /// Positional values that do not match the variables: `header` then `body` variable names.
        case wrongCount(header: [String], body: [String], given: Int)
        case unknownName(String, expected: [String])
        /// `First_Name=…` for a NAMED template: a name with upper-case letters, which no variable of Meta's has.
        case nameCase(String, expected: [String])
        case missingNames([String])
        /// A value without a name (`Lee`) or with a number (`1=Lee`, typed) for a NAMED template; `expected` its names.
        case unnamedForNamed(String, expected: [String])
        /// `N=VALUE` and plain values together on a positional template: which value is which variable is unclear.
        case mixedNumbering(numbered: String, plain: String)
        /// `N=VALUE` on a positional template whose text header has variables too: header and body each number from
        /// {{1}}, so N could be either.
        case numberedWithHeader(String, header: [String], body: [String])
        case badCharacters(parameter: String)
        /// An empty or blank value: Graph answers #100 "Parameter ... missing or empty".
        case emptyParameter(parameter: String)
        /// The same named variable given twice: which value is meant cannot be known.
        case duplicateName(String)
        /// A header media link that is not https: Meta fetches only public HTTPS links.
        case headerMediaNotHTTPS(String)
        case parameterTooLong(parameter: String, length: Int)
        case bodyTooLong(length: Int)
        /// A TEXT header with its values over `TemplateCheck.maxHeaderLength` characters (Meta's messages reference, text
        /// object: "For the header component type: 60 characters", quoted in chatwoot/chatwoot#6435; probe45 P45-4).
        case headerTooLong(length: Int)
        /// An AUTHENTICATION template's code (its body's first value) over `TemplateCheck.maxCodeLength` characters: Meta
        /// answers "template parameter at index 0 exceeds the maximum length in the AUTHENTICATION category (15
        /// characters)" (quoted in authgear/authgear-server#3356, which dropped the app name it appended to the code).
        case codeTooLong(length: Int)
        case headerMediaMissing(format: String)
        case headerMediaUnexpected
        /// A LOCATION header needs a place (latitude, longitude, name, address), not a media link.
        case headerLocationMissing
        case headerLocationUnexpected
        case dynamicURLButton(String)
        /// A coupon code template's `COPY_CODE` button (index, example code): its code is given at each send.
        case couponCode(button: Int, example: String?)
        /// A media-card carousel: each card's header media (and variables) are given at each send.
        case carousel([MessageTemplate.Card])
        /// An `MPM` (products) or `ORDER_DETAILS` (order) button, whose action every send gives (`MessageTemplate.actionButton`).
        case actionButton(button: Int, type: String)
        /// A `PRODUCT` header (single-product template): every send names a catalog product, not a link.
        case productHeader
        /// A limited-time offer template (`MessageTemplate.limitedTimeOffer`): every send gives the offer's expiration
        /// (when it has one) and its offer code.
        case limitedTimeOffer(MessageTemplate.LimitedTimeOffer)
        case unknownLanguage(String, available: [String])
        case marketingStopped
        /// A MARKETING template to a contact Meta refused marketing for lately (`recentMarketingRefusal`): the code
        /// (131049 or 131050), the template that failed, when it failed (ISO 8601), how long before the check, and when a
        /// resend stops being refused (ISO 8601, 24 h after a 131049).
        case recentMarketingRefusal(code: String, template: String?, failedAt: String, ago: String, until: String)
        /// A MARKETING template to a +1 number with a US area code (`NANPRegion`): Meta accepts it, then fails it
        /// with 131049, as it delivers no marketing templates to US numbers.
        case marketingToUSNumber(area: String)
        /// An AUTHENTICATION template to a business-scoped user id (`TemplateCheck.userIDReach`): Meta refuses it with
        /// 131062, as it sends authentication messages only to phone numbers.
        case authenticationToUserID(String)

        /// A send kops does not build (a value of a component it cannot give): `--force` does not send it either, as the
        /// request would lack that component or carry a wrong one (a product header sent as a media link).
        public var isUnbuilt: Bool {
            switch self {
            case .dynamicURLButton, .couponCode, .carousel, .actionButton, .productHeader, .limitedTimeOffer: true
            default: false
            }
        }

        /// `code` and `: `, or nothing when the code is not known (`headerTooLong`, `codeTooLong`).
        public var codeLead: String { code.isEmpty ? "" : code + ": " }

        /// The Graph code (`132000`) or Kapso code (`marketing_preference_stopped`) the API would answer; empty when it is
        /// not known.
        public var code: String {
            switch self {
            case .noBody: "132001"
            case .notApproved(let status): status == "PAUSED" ? "132015" : status == "DISABLED" ? "132016" : "132001"
            case .wrongCount, .unknownName, .missingNames, .unnamedForNamed, .dynamicURLButton, .couponCode, .carousel: "132000"
            case .nameCase, .actionButton, .limitedTimeOffer: "132000"
            case .productHeader: "132012"
            case .mixedNumbering, .numberedWithHeader: "132000"
            case .badCharacters, .emptyParameter, .headerMediaNotHTTPS: "100"
            case .duplicateName: "132000"
            case .parameterTooLong, .bodyTooLong: "132005"
            // Meta's own code for these is not known here (its answers are quoted without one): none is claimed.
            case .headerTooLong, .codeTooLong: ""
            case .headerMediaMissing, .headerMediaUnexpected, .headerLocationMissing, .headerLocationUnexpected: "132012"
            case .unknownLanguage: "132001"
            case .marketingStopped: "marketing_preference_stopped"
            case .recentMarketingRefusal(let code, _, _, _, _): code
            case .marketingToUSNumber: "131049"
            case .authenticationToUserID: "131062"
            }
        }

        /// What is wrong, in one clause.
        public var statement: String {
            switch self {
            case .noBody: "the template has no BODY component, which Meta requires"
            case .notApproved(let status):
                switch status {
                case "PAUSED": "the template is PAUSED by Meta for low quality"
                case "DISABLED": "the template is DISABLED by Meta for repeated low quality"
                case "PENDING", "IN_APPEAL": "the template is \(status) (still in Meta's review), so it cannot be sent yet"
                default: "the template is \(status), so it cannot be sent"
                }
            case .wrongCount(let header, let body, let given):
                "the template needs \(TemplateCheck.count(header.count + body.count, "value")) ("
                    + [("header", header), ("body", body)].filter { !$0.1.isEmpty }
                        .map { "\($0.0) " + $0.1.map { "{{\($0)}}" }.joined(separator: " ") }.joined(separator: ", ")
                    + ") but \(given) " + (given == 1 ? "was" : "were") + " given"
            case .unknownName(let name, let expected):
                "'\(name)' is not a variable of the template (it has \(expected.map { "{{\($0)}}" }.joined(separator: ", ")))"
            case .nameCase(let name, let expected):
                "'\(name)' is not a variable of the template: its names are lower case (\(expected.map { "{{\($0)}}" }.joined(separator: ", "))), "
                    + "and kops does not match them ignoring case"
            case .missingNames(let names): "no value for \(names.map { "{{\($0)}}" }.joined(separator: ", "))"
            case .unnamedForNamed(let typed, let expected):
                "the template's variables are named (\(expected.map { "{{\($0)}}" }.joined(separator: ", "))), but '\(typed)' "
                    + (Argument(typed: typed, named: false).position == nil ? "has no name" : "gives a number")
            case .mixedNumbering(let numbered, let plain):
                "'\(numbered)' gives a variable by number but '\(plain)' has none, so which value is which is unclear"
            case .numberedWithHeader(let typed, let header, let body):
                "the template numbers its header (\(header.map { "{{\($0)}}" }.joined(separator: " "))) and its body ("
                    + body.map { "{{\($0)}}" }.joined(separator: " ") + ") each from {{1}}, so '\(typed)' could be either"
            case .badCharacters(let parameter):
                "parameter \(parameter) has a new line, a tab or more than four spaces in a row, which Meta refuses"
            case .emptyParameter(let parameter): "parameter \(parameter) is empty or blank, which Meta refuses"
            case .duplicateName(let name): "{{\(name)}} was given twice"
            case .headerMediaNotHTTPS(let link): "the header media link '\(link)' is not https; Meta fetches only public HTTPS links"
            case .parameterTooLong(let parameter, let length):
                "parameter \(parameter) is \(length) characters; Meta takes at most \(TemplateCheck.maxTextLength)"
            case .bodyTooLong(let length):
                "the body with its values is \(length) characters; Meta takes at most \(TemplateCheck.maxTextLength)"
            case .headerTooLong(let length):
                "the text header with its values is \(length) characters; Meta takes at most \(TemplateCheck.maxHeaderLength)"
            case .codeTooLong(let length):
                "the code (the body's first value) is \(length) characters; an AUTHENTICATION template takes at most "
                    + "\(TemplateCheck.maxCodeLength) (Meta refuses a longer one)"
            case .headerMediaMissing(let format):
                "the template's header is \(format.lowercased() == "image" ? "an" : "a") \(format) that every send must supply"
            case .headerMediaUnexpected: "the template has no media header, so --header-media does not fit"
            case .headerLocationMissing: "the template's header is a LOCATION: every send gives its latitude and longitude (a link does not fit)"
            case .headerLocationUnexpected: "the template has no LOCATION header, so --header-location does not fit"
            case .dynamicURLButton(let text): "the URL button '\(text)' needs a value, which kops cannot send yet"
            case .couponCode(let button, let example):
                "the COPY_CODE button (button \(button)) needs the coupon code at every send"
                    + (example.map { " (its example: \($0))" } ?? "") + ", which kops cannot send yet"
            case .carousel(let cards):
                "the template is a carousel of \(TemplateCheck.count(cards.count, "card")), and every send gives "
                    + TemplateCheck.cardNeeds(cards) + ", which kops cannot send yet"
            case .actionButton(let button, let type):
                "the \(type) button (button \(button)) needs "
                    + (type == "MPM"
                        ? "the products at every send (a thumbnail product_retailer_id and 1 to 10 sections of product_items)"
                        : "the order at every send (its items, totals and payment settings)")
                    + ", which kops cannot send yet"
            case .productHeader:
                "the template's header is a catalog PRODUCT: every send gives its product_retailer_id and catalog_id (a link "
                    + "does not fit), which kops cannot send yet"
            case .limitedTimeOffer(let offer):
                "the template is a limited-time offer" + (offer.text.map { " ('\($0)')" } ?? "") + ", and every send gives "
                    + (offer.hasExpiration
                        ? "its expiration (a limited_time_offer component with expiration_time_ms) and its offer code"
                        : "its offer code")
                    + ", which kops cannot send yet"
            case .unknownLanguage(let code, let available):
                "'\(code)' is not a WhatsApp template language code"
                    + (available.isEmpty ? "" : " (this template has \(available.joined(separator: ", ")))")
            case .marketingStopped: "the contact stopped marketing messages on this number; Kapso refuses marketing templates to them"
            case .recentMarketingRefusal(let code, let template, let failedAt, let ago, _):
                "Meta refused this contact's template" + (template.map { " \($0)" } ?? "") + " with \(code) at "
                    + "\(failedAt) (\(ago) ago): "
                    + (code == "131050"
                        ? "the contact stopped marketing messages from this business"
                        : code == "130472"
                        ? "Meta's marketing message experiment holds this contact out of marketing templates while no customer "
                            + "service window is open, and they have not written in 24 hours: a resend fails again (unless a free "
                            + "entry point window, from an ad or a Page button, is open)"
                        : "Meta is holding back marketing to this user, and a resend within 24 hours fails again")
            case .marketingToUSNumber(let area):
                "the template is MARKETING and +1 \(area) is a US number: \(NANPRegion.usMarketingPause); Meta accepts the send, "
                    + "then it fails"
            case .authenticationToUserID(let id):
                "the template is AUTHENTICATION and \(id) is a business-scoped user id: Meta sends authentication messages "
                    + "only to phone numbers and refuses this send with 131062"
            }
        }

        /// What to do about it.
        public var fix: String {
            switch self {
            case .noBody: "fix the template in WhatsApp Manager"
            case .notApproved(let status) where status == "PENDING" || status == "IN_APPEAL":
                "wait for approval or pick an approved template ('templates --status APPROVED')"
            case .notApproved: "pick an approved template ('templates --status APPROVED')"
            case .wrongCount, .unknownName, .missingNames:
                "give one --param per variable ('template NAME' shows them)"
            case .nameCase(let name, let expected):
                expected.first { $0 == name.lowercased() }.map { "write it as the template does: --param \($0)=…" }
                    ?? "give each as name=VALUE with the template's names: " + expected.map { "--param \($0)=…" }.joined(separator: " ")
            case .unnamedForNamed(_, let expected):
                "give each as name=VALUE: " + expected.map { "--param \($0)=…" }.joined(separator: " ")
            case .mixedNumbering: "number every value (--param 1=… --param 2=…) or none (values in order)"
            case .numberedWithHeader: "give the values without numbers, in order: the header's first, then the body's"
            case .badCharacters: "put the value on one line without tabs or runs of spaces"
            case .emptyParameter: "give every variable a value with visible text"
            case .duplicateName: "give each variable once"
            case .headerMediaNotHTTPS: "give --header-media a public https:// link"
            case .parameterTooLong, .bodyTooLong, .headerTooLong: "shorten the values"
            case .codeTooLong: "give the code alone (no app name or words around it)"
            case .headerMediaMissing: "add --header-media with a public HTTPS link"
            case .headerMediaUnexpected: "leave --header-media out"
            case .headerLocationMissing: "add --header-location LAT,LON[,NAME[,ADDRESS]]"
            case .headerLocationUnexpected: "leave --header-location out"
            case .dynamicURLButton: "send it from your integration, or use a template without a dynamic URL button"
            case .couponCode:
                "send it from your integration (a button component, sub_type copy_code, with a coupon_code parameter), "
                    + "or use a template without a coupon code"
            case .carousel: "send it from your integration (a carousel component with each card's values), or use a template without cards"
            case .actionButton(_, let type):
                type == "MPM"
                    ? "send it from your integration (a button component, sub_type mpm, with an action parameter holding "
                        + "thumbnail_product_retailer_id and sections), or use a template without an MPM button"
                    : "send it from your integration (a button component whose action holds the order_details), "
                        + "or use a template without an ORDER_DETAILS button"
            case .productHeader:
                "send it from your integration (a header parameter of type product with product_retailer_id and catalog_id), "
                    + "or use a template without a product header"
            case .limitedTimeOffer:
                "send it from your integration (a limited_time_offer component whose parameter holds expiration_time_ms, "
                    + "the Unix time in milliseconds, and the copy_code button's coupon_code), or use a template without an offer"
            case .unknownLanguage: "use --language with one of the template's codes"
            case .marketingStopped: "don't retry; send a utility template or reach the contact another way"
            case .recentMarketingRefusal(let code, _, _, _, let until):
                code == "131050"
                    ? "send a utility template or reach the contact another way; add --force to send it anyway"
                    : code == "130472"
                    ? "by another channel, ask the contact to write to this number, then send it within 24 hours of their message, "
                        + "or send a utility template; add --force to send it anyway"
                    : "send a utility template, or wait until \(until); add --force to send it anyway"
            case .marketingToUSNumber: "send a utility template, or add --force to send it anyway"
            case .authenticationToUserID(let id):
                "send it to the contact's phone number ('\(ShellWord.command("whois", id))' shows it when they share one), "
                    + "or add --force to send it anyway"
            }
        }
    }
}
