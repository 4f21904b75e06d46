public import KapsoClient

/// Whether a template send would be accepted, decided before sending with the codes Meta or Kapso would
/// answer: the template's status (132001 pending/rejected, 132015 paused, 132016 disabled), parameters against
/// its variables (132000 count, names, a name given twice), header media (132012; 100 when not https) or location
/// (132012 without latitude and longitude), parameter
/// text (100: empty, new line or tab or more than four spaces in a row; over 1,024 characters) and the body's length once filled (132005).
///
/// Sources: gokapso/agent-skills `integrate-whatsapp/references/templates-reference.md` (send-time components,
/// OTP button parameter, media header rules); Meta's error codes page; kapso-api.md §9.5, §14.3 (docs/templates.md).
public enum TemplateCheck {
    /// Meta's limit on one parameter's text and on the filled-in body, in characters.
    public static let maxTextLength = 1_024

    /// One `--param` as typed: `VALUE` (in order), `name=VALUE` (named templates) or `N=VALUE` / `{{N}}=VALUE`
    /// (variable `{{N}}` of a positional template, the way Kapso's template node keys positional parameters:
    /// `"parameters": {"1": "#{order_number}", "2": "#{delivery_date}"}`, docs.kapso.ai "WhatsApp Template Node").
    public struct Argument: Sendable, Equatable {
        public var name: String?
        /// The variable number of `N=VALUE` (1 for `{{1}}`), nil for a value in order or a named one.
        public var position: Int?
        public var value: String

        public init(name: String? = nil, position: Int? = nil, value: String) {
            self.name = name
            self.position = position
            self.value = value
        }

        /// Reads `name=VALUE` as named only when `name` is a variable name (`[a-z_][a-z0-9_]*`, Meta's rule for
        /// named parameters) and the template is NAMED; `N=VALUE` or `{{N}}=VALUE` (N digits) as a variable number
        /// whatever the template (a named template then refuses it by name); anything else is one value in order,
        /// `=` included (`discount=20%`, a URL query).
        public init(typed: String, named: Bool) {
            guard let equals = typed.firstIndex(of: "=") else {
                self.init(value: typed)
                return
            }
            func trimmed(_ text: Substring) -> Substring {
                guard let first = text.firstIndex(where: { $0 != " " }), let last = text.lastIndex(where: { $0 != " " })
                else { return "" }
                return text[first...last]
            }
            var key = trimmed(typed[..<equals])
            if key.hasPrefix("{{") && key.hasSuffix("}}") && key.count >= 4 { key = trimmed(key.dropFirst(2).dropLast(2)) }
            let value = String(typed[typed.index(after: equals)...])
            if named, TemplateCheck.isVariableName(key) {
                self.init(name: String(key), value: value)
            } else if !key.isEmpty, key.count <= 3, key.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(key) {
                self.init(position: number, value: value)
            } else {
                self.init(value: typed)
            }
        }

        /// The argument as the user wrote it, for messages: `Lee`, `customer_name=Lee`, `2=B`.
        public var typed: String {
            if let name { return "\(name)=\(value)" }
            if let position { return "\(position)=\(value)" }
            return value
        }
    }

    /// A send that passed every check: the request's `template.components` and the text the contact reads.
    public struct Send: Sendable, Equatable {
        public var components: [JSONValue]
        /// Values by variable name (`1`, `customer_name`) per component.
        public var headerValues: [String: String]
        public var bodyValues: [String: String]
        /// Header text and body with the values filled in.
        public var headerText: String?
        public var bodyText: String
    }

    /// Why a send would be refused, with the code the API would give.
    public enum Problem: Error, Sendable, Equatable {
        case noBody
        case notApproved(status: String)
        /// Positional values that do not match the variables: `header` then `body` variable names.
        case wrongCount(header: [String], body: [String], given: Int)
        case unknownName(String, expected: [String])
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
        case unknownLanguage(String, available: [String])
        case marketingStopped
        /// A MARKETING template to a +1 number with a US area code (`NANPRegion`): Meta accepts it, then fails it
        /// with 131049, as it delivers no marketing templates to US numbers.
        case marketingToUSNumber(area: String)

        /// The Graph code (`132000`) or Kapso code (`marketing_preference_stopped`) the API would answer.
        public var code: String {
            switch self {
            case .noBody: "132001"
            case .notApproved(let status): status == "PAUSED" ? "132015" : status == "DISABLED" ? "132016" : "132001"
            case .wrongCount, .unknownName, .missingNames, .unnamedForNamed, .dynamicURLButton, .couponCode, .carousel: "132000"
            case .mixedNumbering, .numberedWithHeader: "132000"
            case .badCharacters, .emptyParameter, .headerMediaNotHTTPS: "100"
            case .duplicateName: "132000"
            case .parameterTooLong, .bodyTooLong: "132005"
            case .headerMediaMissing, .headerMediaUnexpected, .headerLocationMissing, .headerLocationUnexpected: "132012"
            case .unknownLanguage: "132001"
            case .marketingStopped: "marketing_preference_stopped"
            case .marketingToUSNumber: "131049"
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
            case .unknownLanguage(let code, let available):
                "'\(code)' is not a WhatsApp template language code"
                    + (available.isEmpty ? "" : " (this template has \(available.joined(separator: ", ")))")
            case .marketingStopped: "the contact stopped marketing messages on this number; Kapso refuses marketing templates to them"
            case .marketingToUSNumber(let area):
                "the template is MARKETING and +1 \(area) is a US number: \(NANPRegion.usMarketingPause); Meta accepts the send, "
                    + "then it fails"
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
            case .unnamedForNamed(_, let expected):
                "give each as name=VALUE: " + expected.map { "--param \($0)=…" }.joined(separator: " ")
            case .mixedNumbering: "number every value (--param 1=… --param 2=…) or none (values in order)"
            case .numberedWithHeader: "give the values without numbers, in order: the header's first, then the body's"
            case .badCharacters: "put the value on one line without tabs or runs of spaces"
            case .emptyParameter: "give every variable a value with visible text"
            case .duplicateName: "give each variable once"
            case .headerMediaNotHTTPS: "give --header-media a public https:// link"
            case .parameterTooLong, .bodyTooLong: "shorten the values"
            case .headerMediaMissing: "add --header-media with a public HTTPS link"
            case .headerMediaUnexpected: "leave --header-media out"
            case .headerLocationMissing: "add --header-location LAT,LON[,NAME[,ADDRESS]]"
            case .headerLocationUnexpected: "leave --header-location out"
            case .dynamicURLButton: "send it from your integration, or use a template without a dynamic URL button"
            case .couponCode:
                "send it from your integration (a button component, sub_type copy_code, with a coupon_code parameter), "
                    + "or use a template without a coupon code"
            case .carousel: "send it from your integration (a carousel component with each card's values), or use a template without cards"
            case .unknownLanguage: "use --language with one of the template's codes"
            case .marketingStopped: "don't retry; send a utility template or reach the contact another way"
            case .marketingToUSNumber: "send a utility template, or add --force to send it anyway"
            }
        }
    }

    /// The refusal of a MARKETING template to a US number (`+1` with a US area code, `NANPRegion`), nil for other
    /// templates and recipients: Meta does not deliver marketing templates to US numbers (the same fact as 131049's
    /// advice, `MessageError.fix(for:)`). `recipient` is digits with the country code (`14155550105`).
    public static func marketingReach(_ template: MessageTemplate, recipient: String) -> Problem? {
        guard template.category == "MARKETING", case .unitedStates(let area) = NANPRegion.of(recipient) else { return nil }
        return .marketingToUSNumber(area: area)
    }

    /// A note for a MARKETING template to a +1 number whose area is a US territory or non-geographic
    /// (`NANPRegion.unclear`): whether Meta's pause covers it is not documented. Nil otherwise.
    public static func marketingReachNote(_ template: MessageTemplate, recipient: String) -> String? {
        guard template.category == "MARKETING", NANPRegion.of(recipient) == .unclear else { return nil }
        return "+1 \(recipient.dropFirst().prefix(3)) is a US territory or non-geographic code: \(NANPRegion.usMarketingPause), "
            + "and whether that covers this number is not documented; if it does, the send fails with 131049"
    }

    /// `1 variable`, `2 variables`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Meta's rule for named parameters: lowercase letters, digits and underscores, not starting with a digit.
    public static func isVariableName(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return text.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Checks a language code before any lookup: a code Meta does not list and none of `available` has.
    public static func language(_ code: String, available: [String]) throws(Problem) {
        guard TemplateLanguage.isKnown(code) || available.contains(code) else {
            throw .unknownLanguage(code, available: available)
        }
    }

    /// Whatever the values: a BODY, APPROVED, and no button value kops cannot give.
    public static func sendable(_ template: MessageTemplate) throws(Problem) {
        guard template.body != nil else { throw .noBody }
        guard template.status == "APPROVED" else { throw .notApproved(status: template.status) }
        if let url = template.dynamicURLButtons.first { throw .dynamicURLButton(template.buttons[url].text) }
        // Send-time values of other components: sent without them, Meta answers a parameter mismatch (probe26 P26-12).
        if let coupon = template.couponButtonIndex { throw .couponCode(button: coupon, example: template.buttons[coupon].example) }
        if !template.carousel.isEmpty { throw .carousel(template.carousel) }
    }

    /// What each card of a carousel needs at send time: `each card's image header, body {{1}} and URL button value`,
    /// or card by card when they differ.
    public static func cardNeeds(_ cards: [MessageTemplate.Card]) -> String {
        func needs(_ card: MessageTemplate.Card) -> String {
            var parts: [String] = []
            if let format = card.headerFormat { parts.append("\(format.lowercased()) header") }
            if !card.bodyVariables.isEmpty { parts.append("body " + card.bodyVariables.map { "{{\($0)}}" }.joined(separator: " ")) }
            if card.dynamicURLButtons > 0 { parts.append(card.dynamicURLButtons == 1 ? "URL button value" : "URL button values") }
            return parts.isEmpty ? "its components" : parts.count == 1 ? parts[0]
                : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        let each = Set(cards.map(needs))
        if each.count == 1, let only = each.first { return "each card's " + only }
        return cards.enumerated().map { "card \($0.offset) its \(needs($0.element))" }.joined(separator: "; ")
    }

    /// Checks `arguments` (and a header's media link or location) against `template` and builds the send's components.
    ///
    /// Positional values fill the text header's variables first, then the body's; named values go to every
    /// component that has the name. An AUTHENTICATION template's OTP button repeats the body's first value.
    public static func check(
        _ template: MessageTemplate, arguments: [Argument], headerMedia: String? = nil, headerLocation: HeaderLocation? = nil
    ) throws(Problem) -> Send
    {
        try sendable(template)
        let body = template.body ?? ""
        for (index, argument) in arguments.enumerated() {
            let label = argument.name.map { "'\($0)'" } ?? "\(index + 1)"
            if argument.value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) || argument.value.contains("     ") {
                throw .badCharacters(parameter: label)
            }
            if argument.value.count > maxTextLength { throw .parameterTooLong(parameter: label, length: argument.value.count) }
            if argument.value.allSatisfy(\.isWhitespace) { throw .emptyParameter(parameter: label) }
        }
        let headerNames = template.headerVariables
        let bodyNames = template.bodyVariables
        var headerValues: [String: String] = [:]
        var bodyValues: [String: String] = [:]
        if template.isNamed {
            let all = headerNames + bodyNames.filter { !headerNames.contains($0) }
            for argument in arguments {
                guard let name = argument.name else { throw .unnamedForNamed(argument.typed, expected: all) }
                guard all.contains(name) else { throw .unknownName(name, expected: all) }
                if headerValues[name] != nil || bodyValues[name] != nil { throw .duplicateName(name) }
                if headerNames.contains(name) { headerValues[name] = argument.value }
                if bodyNames.contains(name) { bodyValues[name] = argument.value }
            }
            let missing = all.filter { headerValues[$0] == nil && bodyValues[$0] == nil }
            if !missing.isEmpty { throw .missingNames(missing) }
        } else if let numbered = arguments.first(where: { $0.position != nil }) {
            // `--param 2=B --param 1=A`: each value goes to its variable; never the literal "2=B" (probe14 P14-2).
            if let plain = arguments.first(where: { $0.position == nil }) {
                throw .mixedNumbering(numbered: numbered.typed, plain: plain.typed)
            }
            if !headerNames.isEmpty { throw .numberedWithHeader(numbered.typed, header: headerNames, body: bodyNames) }
            for argument in arguments {
                let name = String(argument.position ?? 0)
                guard bodyNames.contains(name) else { throw .unknownName(name, expected: bodyNames) }
                if bodyValues[name] != nil { throw .duplicateName(name) }
                bodyValues[name] = argument.value
            }
            let missing = bodyNames.filter { bodyValues[$0] == nil }
            if !missing.isEmpty { throw .missingNames(missing) }
        } else {
            let expected = headerNames.count + bodyNames.count
            guard arguments.count == expected else {
                throw .wrongCount(header: headerNames, body: bodyNames, given: arguments.count)
            }
            for (name, argument) in zip(headerNames, arguments) { headerValues[name] = argument.value }
            for (name, argument) in zip(bodyNames, arguments.dropFirst(headerNames.count)) { bodyValues[name] = argument.value }
        }
        let bodyText = TemplateText.filled(body, values: bodyValues)
        if bodyText.count > maxTextLength { throw .bodyTooLong(length: bodyText.count) }
        var components: [JSONValue] = []
        if let header = template.header, header.isMedia {
            guard let link = headerMedia else { throw .headerMediaMissing(format: header.format) }
            guard link.lowercased().hasPrefix("https://"), link.count > "https://".count else { throw .headerMediaNotHTTPS(link) }
            let kind = header.format.lowercased()
            components.append(["type": "header", "parameters": [.object(JSONObject([
                .init(key: "type", value: .string(kind)), .init(key: kind, value: ["link": .string(link)]),
            ]))]])
        } else if let header = template.header, header.isLocation {
            guard let headerLocation, headerMedia == nil else { throw .headerLocationMissing }
            components.append(["type": "header", "parameters": [headerLocation.parameter]])
        } else if headerMedia != nil {
            throw .headerMediaUnexpected
        }
        if headerLocation != nil && template.header?.isLocation != true { throw .headerLocationUnexpected }
        func parameters(_ names: [String], _ values: [String: String]) -> JSONValue {
            .array(names.map { name in
                var parameter: JSONObject = ["type": "text", "text": .string(values[name] ?? "")]
                if template.isNamed { parameter["parameter_name"] = .string(name) }
                return .object(parameter)
            })
        }
        if !headerNames.isEmpty { components.append(["type": "header", "parameters": parameters(headerNames, headerValues)]) }
        if !bodyNames.isEmpty { components.append(["type": "body", "parameters": parameters(bodyNames, bodyValues)]) }
        if let otp = template.otpButtonIndex, let code = bodyNames.first.flatMap({ bodyValues[$0] }) {
            components.append([
                "type": "button", "sub_type": "url", "index": .string(String(otp)),
                "parameters": [["type": "text", "text": .string(code)]],
            ])
        }
        let headerText = template.header.flatMap { $0.isMedia ? nil : $0.text }.map { TemplateText.filled($0, values: headerValues) }
        return Send(
            components: components, headerValues: headerValues, bodyValues: bodyValues, headerText: headerText,
            bodyText: bodyText)
    }

    /// The components `arguments` make without any check (`--force`): positional values fill the header's
    /// variables then the body's, named values carry their names; what the API then answers is its verdict.
    public static func unchecked(
        _ template: MessageTemplate, arguments: [Argument], headerMedia: String?, headerLocation: HeaderLocation? = nil
    ) -> Send {
        var components: [JSONValue] = []
        if let headerLocation {
            components.append(["type": "header", "parameters": [headerLocation.parameter]])
        } else if let link = headerMedia {
            let kind = template.header?.format.lowercased() ?? "image"
            components.append(["type": "header", "parameters": [.object(JSONObject([
                .init(key: "type", value: .string(kind)), .init(key: kind, value: ["link": .string(link)]),
            ]))]])
        }
        // Numbered values (`2=B 1=A`) go in their numbers' order; the number itself is never sent.
        let arguments = !template.isNamed && !arguments.isEmpty && arguments.allSatisfy({ $0.position != nil })
            ? arguments.sorted { ($0.position ?? 0) < ($1.position ?? 0) } : arguments
        let headerCount = template.isNamed ? 0 : template.headerVariables.count
        func parameters(_ items: ArraySlice<Argument>) -> JSONValue {
            .array(items.map { argument in
                var parameter: JSONObject = ["type": "text", "text": .string(argument.value)]
                if let name = argument.name { parameter["parameter_name"] = .string(name) }
                return .object(parameter)
            })
        }
        var headerArguments = arguments.prefix(min(headerCount, arguments.count))
        var bodyArguments = arguments.dropFirst(headerArguments.count)
        if template.isNamed {
            headerArguments = arguments.filter { template.headerVariables.contains($0.name ?? "") }[...]
            bodyArguments = arguments.filter { !template.headerVariables.contains($0.name ?? "") }[...]
        }
        if !headerArguments.isEmpty { components.append(["type": "header", "parameters": parameters(headerArguments)]) }
        if !bodyArguments.isEmpty { components.append(["type": "body", "parameters": parameters(bodyArguments)]) }
        var values: [String: String] = [:]
        for (index, argument) in bodyArguments.enumerated() { values[argument.name ?? String(index + 1)] = argument.value }
        let bodyText = TemplateText.filled(template.body ?? "", values: values)
        return Send(components: components, headerValues: [:], bodyValues: values, headerText: nil, bodyText: bodyText)
    }

    /// The `type: template` body of a send (kapso-api.md §9.1, §14.3); with `byUserID` the recipient is a
    /// business-scoped user id, sent as `recipient` instead of `to`.
    public static func message(to recipient: String, template: MessageTemplate, send: Send, byUserID: Bool = false) -> JSONValue {
        [
            "messaging_product": "whatsapp", "recipient_type": "individual", byUserID ? "recipient" : "to": .string(recipient),
            "type": "template",
            "template": [
                "name": .string(template.name), "language": ["code": .string(template.language)],
                "components": .array(send.components),
            ],
        ]
    }
}
