/* log.h - a tiny logger */
void log_line(const char *fmt, const char *arg);
void log_set_prefix(const char *prefix);
