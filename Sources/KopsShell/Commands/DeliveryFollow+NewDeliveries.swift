// MARK: - What a follow showed, kept flat

extension DeliveryFollow {
    /// The new deliveries a follow showed, by their latest status, for its closing line. The newest `tracked` are kept by
    /// id (a later poll can still list one with another status: a retry, then its success); older ones are folded into
    /// counts by status, as no poll lists them again (a poll reads at most `FollowLoop.catchUpPages` pages). The follow's
    /// memory is then flat however long it runs (tester63 AN3: every new delivery's id and status were kept for its life).
    struct NewDeliveries {
        /// How many deliveries are kept by id: twice what one poll can list.
        static let tracked = FollowLoop.catchUpPages * 100 * 2

        /// New deliveries shown.
        private(set) var total = 0
        /// Deliveries no longer kept by id, counted by their last status.
        private var settled: [String: Int] = [:]
        /// The latest status of each delivery kept by id.
        private var latest: [String: String] = [:]
        /// The ids in `latest`, oldest first from `start`.
        private var order: [String] = []
        private var start = 0

        /// How many deliveries are kept by id now.
        var trackedCount: Int { latest.count }

        /// Notes a row shown: a new delivery, or one shown before whose status changed.
        mutating func shown(id: String, status: String, isNew: Bool) {
            if isNew {
                if latest.updateValue(status, forKey: id) == nil {
                    order.append(id)
                    total += 1
                    settle()
                }
            } else if latest[id] != nil {
                latest[id] = status
            }
        }

        /// The new deliveries by their latest status.
        var byStatus: [String: Int] {
            var counts = settled
            for status in latest.values { counts[status, default: 0] += 1 }
            return counts
        }

        /// Folds the oldest kept deliveries past `tracked` into `settled`.
        private mutating func settle() {
            while order.count - start > Self.tracked {
                if let status = latest.removeValue(forKey: order[start]) { settled[status, default: 0] += 1 }
                start += 1
            }
            if start >= Self.tracked {
                order.removeFirst(start)
                start = 0
            }
        }
    }
}
