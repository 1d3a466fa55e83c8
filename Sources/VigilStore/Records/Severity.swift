import VigilAssessment

/// The scorer's severity is the one the store keeps: one type from the
/// model's threshold to the alert's routing.
public typealias Severity = VigilAssessment.Severity
