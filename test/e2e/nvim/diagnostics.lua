-- Neovim (Debian 12's 0.7.2 and later) as a second real LSP client of the Copydesk server.
-- Starts the bundled server over stdio with the built-in client, opens one draft, waits for
-- the server's diagnostics and writes them as JSON to a file, then quits. Uses only APIs
-- that 0.7.2 has (vim.lsp.start_client, buf_attach_client, vim.diagnostic.get, vim.wait).
--
-- Environment: COPYDESK_SERVER (server/out/server.js), COPYDESK_DRAFT (the file to open),
-- COPYDESK_OUT (where the JSON goes), COPYDESK_WAIT_MS (how long to wait, default 20000).
-- The JSON is {"ok": bool, "error": string|null, "nvim": version, "diagnostics": [...]},
-- each diagnostic with the rule id (the LSP `code`), 0-based line and column, severity, message and source.

local server = assert(os.getenv('COPYDESK_SERVER'), 'COPYDESK_SERVER is not set')
local draft = assert(os.getenv('COPYDESK_DRAFT'), 'COPYDESK_DRAFT is not set')
local out = assert(os.getenv('COPYDESK_OUT'), 'COPYDESK_OUT is not set')
local wait_ms = tonumber(os.getenv('COPYDESK_WAIT_MS') or '') or 20000

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'copydesk',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':p:h'),
    -- The server asks for the "copydesk" section; an empty object means "the defaults".
    settings = { copydesk = vim.empty_dict() },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then
    error('vim.lsp.start_client returned nil')
  end
  vim.lsp.buf_attach_client(buf, client_id)

  local got = vim.wait(wait_ms, function()
    return exited ~= nil or #vim.diagnostic.get(buf) > 0
  end, 50)

  local client = vim.lsp.get_client_by_id(client_id)
  if exited then
    error(string.format('the server exited (code %s, signal %s) before publishing diagnostics', tostring(exited.code), tostring(exited.signal)))
  end
  if not got then
    error(string.format('no diagnostics within %d ms', wait_ms))
  end

  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      code = lsp.code or d.code or vim.NIL,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source or lsp.source or vim.NIL,
    })
  end
  if client then
    client.stop()
  end
  finish({ ok = true, error = vim.NIL, nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, diagnostics = list })
end)

if not ok then
  finish({ ok = false, error = tostring(err), nvim = vim.NIL, diagnostics = {} })
end
