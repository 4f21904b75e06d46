/// The demo story plus a "zoo" conversation on each number holding every message type, status history
/// and error shape the field produces (`--seed zoo`): media with captions and filenames, stickers,
/// locations, shared contacts, interactive replies and flow responses, template quick replies, reactions
/// (and their removal), orders, system messages, unsupported messages with `errors[]` (131051), edits and
/// revokes, a username-only contact, statuses stored out of order, a failure followed by a delivery,
/// errors without a code or with a code as a string, a status without a timestamp, and bad input
/// (an unknown future type, a type object of the wrong JSON type or missing).
///
/// Shapes follow Meta's webhook message objects and kapso-api.md §7.3; the demo's ids are unchanged.
enum ZooSeed {
    /// One zoo conversation: the number it is on and its contact.
    struct Zoo {
        var line: String
        var conversation: String
        var contact: String
        var name: String
    }

    static let zoos = [
        Zoo(line: DemoSeed.support, conversation: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c01", contact: "14155550171", name: "Zoe Quinn"),
        Zoo(line: DemoSeed.sales, conversation: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02", contact: "14155550172", name: "Yuri Park"),
    ]

    static func make(now: Timestamp) -> SeedData {
        var story = DemoSeed.story(now: now)
        for (index, zoo) in zoos.enumerated() {
            let start = story.at("2026-11-21T08:00:00Z").adding(seconds: Int64(index) * 3_600)
            story.conversation(
                ConversationJSON.make(
                    id: zoo.conversation, contact: zoo.contact, contactName: zoo.name, phoneNumberID: zoo.line,
                    createdAt: start))
            for (position, shape) in shapes(zoo).enumerated() {
                let time = start.adding(seconds: Int64(position) * 60)
                guard case .object(let json)? = try? JSONParser.parse(Array(shape.json(time.seconds).utf8)) else {
                    preconditionFailure("zoo shape \(position) is not a JSON object")
                }
                story.message(in: zoo.conversation, at: time, json: json, summary: shape.summary)
            }
        }
        return DemoSeed.finish(story)
    }

    /// A message as JSON text built from its send time (Unix seconds), and Kapso's `content` for summaries.
    struct Shape {
        var summary: String?
        var json: (Int64) -> String
    }

    // `"kapso":{...}` for an inbound message from `zoo`'s contact.
    private static func inbound(_ zoo: Zoo, content: String? = nil, media: Bool = false, number: Bool = true) -> String {
        let phone = number ? "\"\(zoo.contact)\"" : "null"
        let text = content.map { "\"\($0)\"" } ?? "null"
        return #""kapso":{"direction":"inbound","status":"received","processing_status":"processed","origin":"cloud_api","phone_number":\#(phone),"has_media":\#(media),"contact_name":"\#(zoo.name)","content":\#(text)}"#
    }

    // `"kapso":{...}` for an outbound message with these status entries.
    private static func outbound(_ zoo: Zoo, status: String, statuses: String, content: String?) -> String {
        let text = content.map { "\"\($0)\"" } ?? "null"
        return #""kapso":{"direction":"outbound","status":"\#(status)","processing_status":"processed","origin":"cloud_api","phone_number":"\#(zoo.contact)","has_media":false,"contact_name":"\#(zoo.name)","content":\#(text),"statuses":[\#(statuses)]}"#
    }

    // One status entry `at` seconds after `time`.
    private static func status(_ name: String, _ time: Int64, _ at: Int64, _ zoo: Zoo, errors: String? = nil, timestamp: Bool = true) -> String {
        let stamp = timestamp ? #","timestamp":"\#(time + at)""# : ""
        let errorList = errors.map { #","errors":\#($0)"# } ?? ""
        return #"{"status":"\#(name)"\#(stamp),"recipient_id":"\#(zoo.contact)"\#(errorList)}"#
    }

    private static let undeliverable =
        #"[{"code":131026,"title":"Receiver is incapable of receiving this message","message":"Receiver is incapable of receiving this message","error_data":{"details":"Message Undeliverable."}}]"#

    static func shapes(_ zoo: Zoo) -> [Shape] {
        let from = #""from":"\#(zoo.contact)""#
        let to = #""to":"\#(zoo.contact)""#
        return [
            Shape(summary: "Hi, is my order ready?") { _ in
                #"{"type":"text",\#(from),"text":{"body":"Hi, is my order ready?"},\#(inbound(zoo, content: "Hi, is my order ready?"))}"#
            },
            Shape(summary: "The dent on the box") { _ in
                #"{"type":"image",\#(from),"image":{"id":"media_zoo_image","mime_type":"image/jpeg","sha256":"abc","caption":"The dent on the box"},\#(inbound(zoo, content: "The dent on the box", media: true))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"video",\#(from),"video":{"id":"media_zoo_video","mime_type":"video/mp4","sha256":"abc"},\#(inbound(zoo, media: true))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"audio",\#(from),"audio":{"id":"media_zoo_voice","mime_type":"audio/ogg; codecs=opus","voice":true},\#(inbound(zoo, media: true))}"#
            },
            Shape(summary: "Invoice") { _ in
                #"{"type":"document",\#(from),"document":{"id":"media_zoo_doc","filename":"invoice-1042.pdf","mime_type":"application/pdf","caption":"Invoice"},\#(inbound(zoo, content: "Invoice", media: true))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"sticker",\#(from),"sticker":{"id":"media_zoo_sticker","mime_type":"image/webp","animated":true},\#(inbound(zoo, media: true))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"location",\#(from),"location":{"latitude":37.7749,"longitude":-122.4194,"name":"Pickup point","address":"1 Market St, San Francisco, CA"},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"contacts",\#(from),"contacts":[{"name":{"first_name":"Ana","formatted_name":"Ana Ruiz"},"phones":[{"phone":"+1 415-555-0190","wa_id":"14155550190","type":"CELL"}]},{"name":{"formatted_name":"Bo Lee"},"phones":[]}],\#(inbound(zoo))}"#
            },
            Shape(summary: "Confirm") { _ in
                #"{"type":"interactive",\#(from),"interactive":{"type":"button_reply","button_reply":{"id":"btn_confirm","title":"Confirm"}},\#(inbound(zoo, content: "Confirm"))}"#
            },
            Shape(summary: "Tomorrow 9-12") { _ in
                #"{"type":"interactive",\#(from),"interactive":{"type":"list_reply","list_reply":{"id":"row_2","title":"Tomorrow 9-12","description":"Morning slot"}},\#(inbound(zoo, content: "Tomorrow 9-12"))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"interactive",\#(from),"interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"tok\",\"slot\":\"am\"}"}},\#(inbound(zoo))}"#
            },
            Shape(summary: "Stop promotions") { _ in
                #"{"type":"button",\#(from),"button":{"payload":"STOP_PROMOS","text":"Stop promotions"},\#(inbound(zoo, content: "Stop promotions"))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"reaction",\#(from),"reaction":{"message_id":"wamid.ZOO_REACTED_TO","emoji":"👍"},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"reaction",\#(from),"reaction":{"message_id":"wamid.ZOO_REACTED_TO"},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"order",\#(from),"order":{"catalog_id":"300400500600701","text":"Please deliver","product_items":[{"product_retailer_id":"SKU-1","quantity":2,"item_price":9.5,"currency":"USD"},{"product_retailer_id":"SKU-2","quantity":1,"item_price":4,"currency":"USD"}]},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"system",\#(from),"system":{"body":"\#(zoo.name) changed from \#(zoo.contact) to 14155550199","wa_id":"14155550199","type":"user_changed_number"},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"system",\#(from),"system":{"body":"\#(zoo.name)'s security code changed","type":"customer_identity_changed"},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"unsupported",\#(from),"errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],\#(inbound(zoo))}"#
            },
            Shape(summary: "Hello from a username-only user") { _ in
                #"{"type":"text","username":"zoo_user","from_user_id":"US.1349120865530274191","text":{"body":"Hello from a username-only user"},\#(inbound(zoo, content: "Hello from a username-only user", number: false))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"edit",\#(from),"edit":{"original_message_id":"wamid.ZOO_ORIGINAL","message":{"type":"text","text":{"body":"Ready by 5, not 4"}}},\#(inbound(zoo))}"#
            },
            Shape(summary: nil) { _ in
                #"{"type":"revoke",\#(from),"revoke":{"original_message_id":"wamid.ZOO_ORIGINAL"},\#(inbound(zoo))}"#
            },
            Shape(summary: "a hologram") { _ in
                #"{"type":"hologram",\#(from),"hologram":{"frames":3},\#(inbound(zoo, content: "a hologram"))}"#
            },
            Shape(summary: nil) { _ in #"{"type":"text",\#(from),"text":"not an object",\#(inbound(zoo))}"# },
            Shape(summary: nil) { _ in #"{"type":"location",\#(from),\#(inbound(zoo))}"# },
            Shape(summary: "Template: order_ready") { time in
                #"{"type":"template",\#(to),"template":{"name":"order_ready","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"A-1042"},{"type":"currency","currency":{"fallback_value":"$19.00","code":"USD","amount_1000":19000}}]}]},\#(outbound(zoo, status: "read", statuses: [status("sent", time, 0, zoo), status("delivered", time, 2, zoo), status("read", time, 40, zoo)].joined(separator: ","), content: "Template: order_ready"))}"#
            },
            Shape(summary: "Your order is ready") { time in
                #"{"type":"text",\#(to),"text":{"body":"Your order is ready"},\#(outbound(zoo, status: "delivered", statuses: [status("sent", time, 0, zoo), status("failed", time, 1, zoo, errors: undeliverable), status("delivered", time, 2, zoo)].joined(separator: ","), content: "Your order is ready"))}"#
            },
            Shape(summary: "Your order is ready") { time in
                #"{"type":"text",\#(to),"text":{"body":"Your order is ready"},\#(outbound(zoo, status: "read", statuses: [status("read", time, 5, zoo), status("sent", time, 0, zoo), status("delivered", time, 2, zoo)].joined(separator: ","), content: "Your order is ready"))}"#
            },
            Shape(summary: "Are you there?") { time in
                #"{"type":"text",\#(to),"text":{"body":"Are you there?"},\#(outbound(zoo, status: "failed", statuses: [status("sent", time, 0, zoo), status("failed", time, 1, zoo, errors: #"[{"code":null,"title":"Something odd","error_data":{"details":"No code was given"}}]"#)].joined(separator: ","), content: "Are you there?"))}"#
            },
            Shape(summary: "Last chance") { time in
                #"{"type":"text",\#(to),"text":{"body":"Last chance"},\#(outbound(zoo, status: "failed", statuses: [status("sent", time, 0, zoo), status("failed", time, 1, zoo, errors: #"[{"code":"131047","title":"Re-engagement message"},{"code":131000,"title":"Something went wrong"}]"#)].joined(separator: ","), content: "Last chance"))}"#
            },
            Shape(summary: "See you soon") { time in
                #"{"type":"text",\#(to),"text":{"body":"See you soon"},\#(outbound(zoo, status: "delivered", statuses: [status("sent", time, 0, zoo), status("delivered", time, 0, zoo, timestamp: false)].joined(separator: ","), content: "See you soon"))}"#
            },
        ]
    }
}
