-- wrk script: a student's cycle, over rounds made beforehand. Each step is a request: read
-- the round's current question (its first serve), then answer it. Run with one connection
-- per thread (-t N -c N), so each thread's requests go one after another, in order.
-- Arguments: the folder of step files, one per thread (steps-<n>.tsv: method, path, token
-- and body, tab-separated).

local threads = {}

function setup(thread)
   thread:set("number", #threads)
   table.insert(threads, thread)
end

function init(args)
   steps, next_step, spare, refused = {}, 1, 0, 0
   for line in io.lines(args[1] .. "/steps-" .. number .. ".tsv") do
      local method, path, token, body = line:match("^(%u+)\t([^\t]+)\t([^\t]+)\t(.*)$")
      local headers = { ["Authorization"] = "Bearer " .. token }
      if body == "" then
         body = nil
      else
         headers["Content-Type"] = "application/json"
      end
      table.insert(steps, wrk.format(method, path, headers, body))
   end
end

function request()
   local step = steps[next_step]
   next_step = next_step + 1
   if step == nil then
      -- More steps were asked for than were made: counted, and the figure is not used.
      spare = spare + 1
      return wrk.format("GET", "/healthz")
   end
   return step
end

function response(status, headers, body)
   if status ~= 200 then
      refused = refused + 1
   end
end

function done(summary, latency, requests)
   local spares, refusals = 0, 0
   for _, thread in ipairs(threads) do
      spares = spares + thread:get("spare")
      refusals = refusals + thread:get("refused")
   end
   io.write(string.format("cycle-check spare=%d refused=%d\n", spares, refusals))
end
