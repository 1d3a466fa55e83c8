import VigilAssessment

/// The scorer's finding kind is the one the store keeps, as with `Severity`:
/// one type from the classifier to the channel that decides whether to page.
public typealias FindingKind = VigilAssessment.FindingKind
