import CShippedModels
import Foundation

extension Data {
    /// A copy of a model file compiled into the binary (`Sources/CShippedModels`):
    /// the shipped models travel inside `vigil`, as the schema and the demo do.
    init(shipped file: CShippedModelFile) {
        self.init(bytes: file.bytes, count: file.count)
    }
}
