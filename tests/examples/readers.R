# Runs the readr, base R and data.table sections of a release's LOADING.md and compares every cell each reader loads
# from CSV with the table's Arrow values (written as JSON by arrow_values.py). Prints the first differences and exits 1
# when there is any. Usage: Rscript readers.R RELEASE ARROW_VALUES_DIR
args <- commandArgs(trailingOnly = TRUE)
values_dir <- normalizePath(args[2])
setwd(args[1])
loading <- paste(readLines("LOADING.md", encoding = "UTF-8"), collapse = "\n")
section <- function(heading) {
  start <- regexpr(paste0("## ", heading, "\n\n```r\n"), loading, fixed = TRUE)
  if (start < 0) stop("LOADING.md has no R section ", heading)
  rest <- substring(loading, start + attr(start, "match.length"))
  substring(rest, 1, regexpr("\n```", rest, fixed = TRUE) - 1)
}
plain <- function(x) {
  if (is.factor(x)) return(as.character(x))
  if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
  x
}
same <- function(got, want) {
  if (is.null(want)) return(is.atomic(got) && length(got) == 1 && is.na(got))
  if (is.list(want)) return(identical(as.character(unlist(want)), got))
  if (is.numeric(want)) return(is.numeric(got) && isTRUE(all.equal(as.numeric(got), as.numeric(want), tolerance = 0)))
  identical(got, want)
}
tables <- names(jsonlite::fromJSON("manifest.json")$tables)
failures <- 0
base <- NULL
for (reader in c("readr", "base R", "data.table")) {
  env <- new.env(parent = globalenv())
  if (reader == "data.table") for (n in c("CLASSES", "LISTS")) assign(n, get(n, envir = base), envir = env)
  eval(parse(text = section(reader), encoding = "UTF-8"), envir = env)
  if (reader == "base R") base <- env
  for (t in tables) {
    df <- env$load_csv(t)
    want <- jsonlite::fromJSON(file.path(values_dir, paste0(t, ".json")), simplifyVector = FALSE)
    if (!identical(names(df), names(want))) stop(reader, ": ", t, ": columns differ")
    for (c in names(want)) {
      got <- plain(df[[c]])
      for (i in seq_along(want[[c]])) {
        if (!same(got[[i]], want[[c]][[i]])) {
          failures <- failures + 1
          cat(sprintf("%s: %s.%s row %d: csv %s != arrow %s\n", reader, t, c, i - 1, deparse(got[[i]]),
                      deparse(want[[c]][[i]])))
          break
        }
      }
    }
    cat(sprintf("%s: %s: %d rows equal to Arrow\n", reader, t, nrow(df)))
  }
}
quit(status = if (failures > 0) 1 else 0)
