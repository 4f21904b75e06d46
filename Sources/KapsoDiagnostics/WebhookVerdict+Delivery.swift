public import KapsoClient

extension WebhookVerdict {
    /// The fields of one delivery the verdict reads: kept small, as `webhooks check` holds a week of them.
    public struct Delivery: Sendable, Equatable {
        public var id: String
        public var event: String
        /// `pending`, `delivered` or `failed`.
        public var status: String
        /// The last attempt's HTTP status; nil when there was no answer or it is unreadable (`unreadableAnswer`).
        public var http: Int?
        /// `attempt_count`; nil when unreadable (`WebhookDelivery.attemptCount`), never read as 0 tries (tester54 V23).
        public var attempts: Int?
        /// A recorded `response_status` kops cannot read, as shown (`DeliveryAnswer.unreadable`); nil otherwise.
        public var unreadableAnswer: String?
        /// `created_at` in Unix seconds.
        public var created: Int64
        /// `last_attempt_at` in Unix seconds (`created` when absent).
        public var lastAttempt: Int64
        /// The URL it was sent to (`webhook_url`); empty when the API did not say.
        public var url: String
        /// The webhook it is a delivery of (`webhook_id`); empty when not known.
        public var webhookID: String
        /// The number whose event it carries (`phone_number_id`); nil when the API did not say.
        public var phoneNumberID: String?

        public init(
            id: String, event: String, status: String, http: Int?, attempts: Int? = 1, created: Int64, lastAttempt: Int64? = nil,
            url: String, webhookID: String = ""
        ) {
            self.id = id
            self.event = event
            self.status = status
            // One reading of `response_status`: 0 is no HTTP answer, as nil is (`DeliveryAnswer`, P37-5).
            self.http = DeliveryAnswer(http).httpStatus
            if case .unreadable(let shown) = DeliveryAnswer(http) { unreadableAnswer = shown }
            self.attempts = attempts
            self.created = created
            self.lastAttempt = lastAttempt ?? created
            self.url = url
            self.webhookID = webhookID
        }

        /// The fields of an API delivery; nil without a readable `created_at`.
        public init?(_ delivery: WebhookDelivery) {
            guard let created = KapsoTime.seconds(iso: delivery.createdAt) else { return nil }
            self.init(
                id: delivery.id, event: delivery.event, status: delivery.status, http: delivery.answer.httpStatus,
                attempts: delivery.attemptCount, created: created,
                lastAttempt: delivery.lastAttemptAt.flatMap(KapsoTime.seconds(iso:)), url: delivery.webhookURL,
                webhookID: delivery.webhookID)
            phoneNumberID = delivery.phoneNumberID
            if case .unreadable(let shown) = delivery.answer { unreadableAnswer = shown }
        }

        /// The last attempt's answer as `DeliveryAnswer` reads it, an unreadable one kept apart from no answer.
        public var answer: DeliveryAnswer {
            unreadableAnswer.map(DeliveryAnswer.unreadable) ?? DeliveryAnswer(http)
        }
    }
}
