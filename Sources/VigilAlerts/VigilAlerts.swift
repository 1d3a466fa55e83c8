// VigilAlerts
