/// The jobs waiting for one host to allow a request, oldest first. Popping
/// moves a cursor instead of shifting the array, so a host with thousands of
/// feeds is drained in linear time.
struct HostQueue {
    private var jobs: [any HTTPEngineJob] = []
    private var head = 0

    var isEmpty: Bool { head >= jobs.count }

    mutating func append(_ job: any HTTPEngineJob) {
        jobs.append(job)
    }

    mutating func popFirst() -> (any HTTPEngineJob)? {
        guard head < jobs.count else { return nil }
        defer {
            head += 1
            if head > 64 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
        }
        return jobs[head]
    }

    mutating func pushFront(_ job: any HTTPEngineJob) {
        if head > 0 {
            head -= 1
            jobs[head] = job
        } else {
            jobs.insert(job, at: 0)
        }
    }
}
