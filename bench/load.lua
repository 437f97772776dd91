-- wrk script: POST /v1/find with the quotations of a queries.jsonl file, in turn.
-- Usage: wrk -s bench/load.lua ... URL -- QUERIES.jsonl
local bodies = {}
local counter = 0

function init(args)
  local path = args[1]
  for line in io.lines(path) do
    local quote = line:match('"quote":%s*(".-[^\\]")')
    local speaker = line:match('"speaker":%s*(".-[^\\]")')
    if quote then
      if speaker then
        bodies[#bodies + 1] = '{"quote": ' .. quote .. ', "speaker": ' .. speaker .. '}'
      else
        bodies[#bodies + 1] = '{"quote": ' .. quote .. '}'
      end
    end
  end
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/v1/find", {["Content-Type"] = "application/json"}, body)
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
end
