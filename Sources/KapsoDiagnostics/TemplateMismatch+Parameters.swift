public import KapsoClient

// MARK: - 132000: the parameters sent against the template's variables

extension TemplateMismatch {
    /// One part of a template a send fills: the header, the body, or a button that takes a value.
    struct Part: Equatable {
        /// `the header`, `the body`, `button 0 (URL)`.
        var label: String
        var takes: Int
        /// The variables (`{{1}}`, `{{order_id}}`) or what the value is (`an image`, `the URL's suffix`).
        var what: [String]
        var gave: Int
        /// The `parameter_name`s sent (named templates).
        var gaveNames: [String]
        var named: Bool

        var matches: Bool {
            guard takes == gave else { return false }
            return !named || what.isEmpty || Set(what) == Set(gaveNames.map { "{{\($0)}}" })
        }

        /// `the body takes 1 parameter ({{1}}), the send gave 2`.
        var text: String {
            let takesText = "\(label) takes \(takes) \(takes == 1 ? "parameter" : "parameters")"
                + (what.isEmpty ? "" : " (\(what.joined(separator: " ")))")
            let gaveText = gave == 0 ? "none" : "\(gave)" + (named && !gaveNames.isEmpty ? " (" + gaveNames.map { "{{\($0)}}" }.joined(separator: " ") + ")" : "")
            return takesText + ", the send gave " + gaveText
        }
    }

    /// A 132000 on a version the WABA lists: each part whose parameters differ from what the send gave, or, when the record
    /// holds no parameters or they all match now, what the template takes with the hedge that goes with it.
    static func parameters(_ sent: Sent, _ template: MessageTemplate) -> String {
        let parts = parts(of: template, sent: sent.components ?? [])
        let takes = parts.filter { $0.takes > 0 }.map { "\($0.label) \($0.takes)" }
        let summary = takes.isEmpty ? "no parameters" : takes.joined(separator: ", ")
        let shows = "('template \(template.name)' shows it)"
        guard sent.components != nil else {
            return "\(label(template)) takes \(summary); the message record does not hold the parameters sent, so compare "
                + "them with your integration's request \(shows)"
        }
        let wrong = parts.filter { !$0.matches }
        guard !wrong.isEmpty else {
            return "the parameters recorded for the send match what \(label(template)) takes now (\(summary)), so kops cannot "
                + "tell which part Meta counted differently: the template may have been edited since the send; Meta's details "
                + "name the part"
        }
        return "\(label(template)): " + wrong.map(\.text).joined(separator: "; ") + ": send exactly what it takes \(shows)"
    }

    /// The parts of `template` that take values, with what `sent` (the send's `components`) gave each. Buttons are compared
    /// only where the template's button takes a value (a dynamic URL, a code, products or an order); a quick-reply
    /// button's optional payload is no count Meta checks that kops knows of.
    static func parts(of template: MessageTemplate, sent: [JSONValue]) -> [Part] {
        func parameters(_ type: String, index: Int? = nil) -> [JSONValue] {
            sent.filter { component in
                guard component["type"]?.string?.lowercased() == type else { return false }
                guard let index else { return true }
                let given = component["index"]?.string.flatMap { Int($0) } ?? component["index"]?.int
                return given == index
            }.flatMap { $0["parameters"]?.array ?? [] }
        }
        func names(_ values: [JSONValue]) -> [String] { values.compactMap { $0["parameter_name"]?.string } }
        var parts: [Part] = []
        let header = parameters("header")
        if let format = template.header?.format, format != "TEXT" {
            parts.append(Part(label: "the header", takes: 1, what: [(["IMAGE", "OTHER"].contains(format) ? "an " : "a ") + format.lowercased()], gave: header.count, gaveNames: [], named: false))
        } else {
            let variables = template.headerVariables
            parts.append(Part(
                label: "the header", takes: variables.count, what: variables.map { "{{\($0)}}" }, gave: header.count,
                gaveNames: names(header), named: template.isNamed))
        }
        let body = parameters("body")
        parts.append(Part(
            label: "the body", takes: template.bodyVariables.count, what: template.bodyVariables.map { "{{\($0)}}" }, gave: body.count,
            gaveNames: names(body), named: template.isNamed))
        for (index, button) in template.buttons.enumerated() {
            let value: String? =
                switch button.type {
                case "URL": TemplateText.variables(in: button.url ?? "").isEmpty ? nil : "the URL's suffix"
                case "OTP": "the code"
                case "COPY_CODE": "the coupon code"
                case "MPM": "the products"
                case "ORDER_DETAILS": "the order"
                default: nil
                }
            guard let value else { continue }
            parts.append(Part(
                label: "button \(index) (\(button.type))", takes: 1, what: [value], gave: parameters("button", index: index).count,
                gaveNames: [], named: false))
        }
        return parts
    }
}
