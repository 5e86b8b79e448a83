#!/usr/bin/env Rscript
# Peer for `serverless forecast evaluate --peers`: R's forecast::ets and forecast::auto.arima, default settings, on
# the same training series the C# forecaster sees, with 80% and 95% prediction intervals.
#
#   Rscript bench/peers/forecast_r.R INPUT.csv HORIZON FREQUENCY OUTPUT.csv [MODELS]
#
# INPUT.csv: series_id,value (one row per period, oldest first, series in contiguous blocks).
# OUTPUT.csv: series_id,model,step,mean,lo80,hi80,lo95,hi95,seconds (seconds: elapsed time of fitting and forecasting
# that series with that model, measured with proc.time, repeated on each step's row); model is "ets" or "auto.arima".
# MODELS: comma-separated subset of ets,auto.arima (default both). A fit that fails is reported on stderr and falls
# back to forecast::naive for that series, so the comparison keeps every series; the fallbacks are counted.
# Needs Debian's r-cran-forecast (R 4.2, forecast 8.20 when measured).
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) {
  stop("usage: forecast_r.R INPUT.csv HORIZON FREQUENCY OUTPUT.csv [ets,auto.arima]")
}
input <- args[1]
horizon <- as.integer(args[2])
frequency <- as.integer(args[3])
output <- args[4]
models <- if (length(args) >= 5) strsplit(args[5], ",")[[1]] else c("ets", "auto.arima")

data <- read.csv(input, colClasses = c("character", "numeric"))
ids <- unique(data$series_id)
fits <- list(
  ets = function(y) forecast(ets(y), h = horizon, level = c(80, 95)),
  auto.arima = function(y) forecast(auto.arima(y), h = horizon, level = c(80, 95))
)

rows <- vector("list", length(ids) * length(models))
fallbacks <- 0L
i <- 0L
for (id in ids) {
  y <- ts(data$value[data$series_id == id], frequency = frequency)
  for (model in models) {
    started <- proc.time()[["elapsed"]]
    fc <- tryCatch(fits[[model]](y), error = function(e) {
      message(sprintf("%s on %s failed (%s); naive used", model, id, conditionMessage(e)))
      NULL
    })
    if (is.null(fc)) {
      fallbacks <- fallbacks + 1L
      fc <- naive(y, h = horizon, level = c(80, 95))
    }
    seconds <- proc.time()[["elapsed"]] - started
    i <- i + 1L
    rows[[i]] <- data.frame(
      series_id = id, model = model, step = seq_len(horizon),
      mean = as.numeric(fc$mean), lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
      lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]), seconds = seconds)
  }
}
write.csv(do.call(rbind, rows), output, row.names = FALSE)
message(sprintf("R %s, forecast %s: %d series x %d models, %d naive fallbacks",
                paste(R.version$major, R.version$minor, sep = "."), packageVersion("forecast"), length(ids), length(models), fallbacks))
