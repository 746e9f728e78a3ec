-- The README's Neovim recipe, run headless:
--   nvim --headless -u NONE -c "luafile tests/editors/neovim.lua" DRAFT
-- Attaches `followup-lint lsp` (vim.lsp.start on 0.8+, start_client on 0.7),
-- prints the diagnostics, applies the preferred quick fix at the first "!!",
-- prints the diagnostics again and the fixed line, adds the misspelt word to
-- the vocabulary file through the quick fix's command, then stops the server.
-- run-neovim.sh runs it on a sample draft and compares with neovim.expected.

local out = {}
local function say(line) table.insert(out, line) end

local config = { name = "followup-lint", cmd = { "followup-lint", "lsp" }, root_dir = vim.fn.getcwd() }
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, client_id)
end

local names = { "error", "warning", "info", "hint" }
local function show(title)
  say(title)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    -- 1-based line, 0-based column, as :lua vim.diagnostic.get shows them.
    table.insert(lines, string.format("  %d:%d %s %s %s", d.lnum + 1, d.col, names[d.severity], d.code or "", d.message))
  end
  table.sort(lines)
  for _, line in ipairs(lines) do say(line) end
end

local function finish(code)
  vim.fn.writefile(out, "/dev/stdout")
  vim.cmd((code == 0) and "qa!" or "cq!")
end

if not vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  say("no diagnostics within 60 s")
  finish(1)
end
show("on open:")

local row = vim.fn.search("!!") - 1
local col = vim.fn.col(".") - 1
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = { start = { line = row, character = col }, ["end"] = { line = row, character = col } },
  context = { diagnostics = {} },
}
local replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
local before = #vim.diagnostic.get(0)
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    if action.isPreferred then
      say("quick fix: " .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
vim.wait(10000, function() return #vim.diagnostic.get(0) ~= before end, 50)
show("after the fix:")
say("line now: " .. vim.fn.getline(row + 1))

-- "Add ... to the vocabulary file" at the misspelling: a bare Command.
vim.fn.cursor(1, 1)
row = vim.fn.search("oppurtunity") - 1
col = vim.fn.col(".") - 1
params.range = { start = { line = row, character = col }, ["end"] = { line = row, character = col } }
replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
before = #vim.diagnostic.get(0)
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    if action.title:find("to the vocabulary file", 1, true) then
      say("command: " .. action.title)
      vim.lsp.get_client_by_id(client_id).request("workspace/executeCommand",
        { command = action.command, arguments = action.arguments }, function() end, 0)
    end
  end
end
vim.wait(10000, function() return #vim.diagnostic.get(0) ~= before end, 50)
show("after adding the word:")
say("words.txt: " .. vim.inspect(table.concat(vim.fn.readfile("words.txt", "b"), "\n")))

vim.lsp.stop_client(client_id)
local stopped = vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
say(stopped and "server shut down" or "server still running after 5 s")
finish(stopped and 0 or 1)
