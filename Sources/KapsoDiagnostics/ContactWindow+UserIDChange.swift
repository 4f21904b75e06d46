internal import KapsoClient

extension ContactWindow {
    /// The contact's newest notification that their business-scoped user id was regenerated (`user_changed_user_id`),
    /// when the contact is read by that old id and no message they wrote with it came after: the old id no longer
    /// identifies them, as an old number no longer does after `user_changed_number` (`Moved`; probe26 P26-4). Meta,
    /// Business-scoped user IDs (https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids): BSUIDs are
    /// "regenerated if a user changes their phone number (which trigger a system status messages webhook)".
    public struct UserIDChange: Sendable, Equatable {
        /// The old id (the contact as read) and the new one.
        public var old: String
        public var new: String
        /// When the notification came (Unix seconds), nil when its time is unreadable.
        public var at: Int64?

        public init(old: String, new: String, at: Int64?) {
            self.old = old
            self.new = new
            self.at = at
        }

        /// `the contact's business-scoped user id changed from US.1… to US.9… at …Z (user_changed_user_id): …`.
        public var text: String {
            "the contact's business-scoped user id changed from \(old) to \(new)" + (at.map { " at \(KapsoTime.iso($0))" } ?? "")
                + " (user_changed_user_id): \(old) no longer identifies them; write to \(new) ('reply --to \(new) TEXT')"
        }
    }
}
