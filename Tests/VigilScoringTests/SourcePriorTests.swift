import Foundation
import Testing
@testable import VigilScoring

@Suite struct SourcePriorTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func noHistoryIsNeutral() {
        #expect(abs(SourcePrior.unknown.agentLikelihood - 0.5) < 1e-9)
        #expect(abs(SourcePrior.unknown.adjust(0.3) - 0.3) < 1e-9)
    }

    @Test func agentHistoryClockworkCadenceAndDeclarationRaiseIt() {
        let human = SourcePrior(history: [0, 30, 100, 170, 400].map {
            SourcePrior.Post(published: start.addingTimeInterval($0 * 3600), agent: 0.1)
        }, selfDeclaredAgent: false)
        let agent = SourcePrior(history: (0..<12).map {
            SourcePrior.Post(published: start.addingTimeInterval(Double($0) * 3 * 3600), agent: 0.95)
        }, selfDeclaredAgent: false)
        #expect(human.agentLikelihood < 0.3)
        #expect(agent.agentLikelihood > 0.9)
        #expect(agent.highAgentShare == 1)
        #expect(agent.medianHoursBetweenPosts == 3)
        #expect(agent.gapVariation == 0)
        #expect(agent.adjust(0.5) > human.adjust(0.5))
        #expect(SourcePrior(history: [], selfDeclaredAgent: true).agentLikelihood > 0.9)
    }

    @Test func declarationsAreRecognised() {
        #expect(SourcePrior.declaresAgent("This blog is written by an AI agent that maintains its own projects."))
        #expect(!SourcePrior.declaresAgent("Notes on compilers, by a human who likes them."))
    }
}
