-- syntaqlite language server for Neovim (0.7.2, Debian 12's, to 0.11+).
--
-- The server is `syntaqlite lsp`. It talks LSP over stdio. Install syntaqlite
-- as the README says (its "Installing" section), e.g. with
--
--     pipx install ./syntaqlite      (from a clone)
--
-- This file holds three ways to register the server. Use ONE of them,
-- because each one starts its own client:
--
--   1. setup_native()     a FileType autocmd: `vim.lsp.start` (0.8+), or
--                         `vim.lsp.start_client` + `buf_attach_client` (0.7)
--   2. setup_lspconfig()  a custom server for nvim-lspconfig
--   3. setup_config()     `vim.lsp.config` + `vim.lsp.enable` (Neovim 0.11+)
--
-- Keep this file as ~/.config/nvim/lua/syntaqlite.lua and call one of them,
-- or let `setup()` choose: vim.lsp.config on 0.11+, otherwise the autocmd.
--
--     require('syntaqlite').setup()
--
-- All of them accept an optional table:
--
--     {
--       cmd = { 'syntaqlite', 'lsp' },   -- e.g. { '/path/to/venv/bin/syntaqlite', 'lsp' }
--       init_options = { sqliteVersion = 'latest', sqliteCflags = {} },
--       filetypes = { 'sql', 'python' }, -- default { 'sql' }
--     }
--
-- With 'python' among the filetypes, the server also attaches to Python
-- buffers, next to your Python server (pyright, pylsp ...): it checks the
-- SQL the code passes to sqlite3's execute() and friends, and offers
-- completion, hover, signature help and go to definition inside those
-- strings. It leaves formatting and symbols of .py files to the Python
-- server.
--
-- `init_options` is sent to the server as LSP `initializationOptions`, with
-- the same keys as the VS Code extension's settings.

local M = {}

-- Files that mark a project root. The nearest directory, going up from the
-- buffer, that holds one of them wins; if none does, the file's own directory.
M.root_markers = { 'syntaqlite.toml', 'pyproject.toml', '.git' }

local uv = vim.uv or vim.loop

local function defaults(opts)
  opts = opts or {}
  return {
    cmd = opts.cmd or { 'syntaqlite', 'lsp' },
    init_options = opts.init_options or { sqliteVersion = 'latest', sqliteCflags = {} },
    filetypes = opts.filetypes or { 'sql' },
  }
end

-- The project root of a buffer's file (works without vim.fs, which 0.7 lacks).
function M.root_dir(fname)
  local dir = fname ~= '' and vim.fn.fnamemodify(fname, ':p:h') or uv.cwd()
  local start = dir
  while true do
    for _, marker in ipairs(M.root_markers) do
      if uv.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

-- Starts (or reuses) the client for a buffer: `vim.lsp.start` where it exists
-- (0.8+, which reuses a client of the same name and root); on 0.7 the same
-- by hand.
local function start(config, bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == config.name and client.config.root_dir == config.root_dir then
      vim.lsp.buf_attach_client(bufnr, client.id)
      return client.id
    end
  end
  local id = vim.lsp.start_client(config)
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

---------------------------------------------------------------------------
-- Snippet 1: a FileType autocmd (Neovim 0.7+, no plugins needed)
---------------------------------------------------------------------------
function M.setup_native(opts)
  local o = defaults(opts)
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('syntaqlite_lsp', { clear = true }),
    pattern = o.filetypes,
    callback = function(args)
      start({
        name = 'syntaqlite',
        cmd = o.cmd,
        root_dir = M.root_dir(vim.api.nvim_buf_get_name(args.buf)),
        init_options = o.init_options,
      }, args.buf)
    end,
  })
end

---------------------------------------------------------------------------
-- Snippet 2: nvim-lspconfig custom server
---------------------------------------------------------------------------
-- syntaqlite is not in nvim-lspconfig's server list, so it is registered as a
-- custom server first. After that, `setup{}` works as for any other server.
function M.setup_lspconfig(opts)
  local o = defaults(opts)
  local lspconfig = require('lspconfig')
  local configs = require('lspconfig.configs')
  if not configs.syntaqlite then
    configs.syntaqlite = {
      default_config = {
        cmd = { 'syntaqlite', 'lsp' },
        filetypes = { 'sql' },
        root_dir = function(fname)
          return M.root_dir(fname)
        end,
        single_file_support = true,
        init_options = { sqliteVersion = 'latest', sqliteCflags = {} },
      },
    }
  end
  lspconfig.syntaqlite.setup({
    cmd = o.cmd,
    filetypes = o.filetypes,
    init_options = o.init_options,
  })
end

---------------------------------------------------------------------------
-- Snippet 3: vim.lsp.config / vim.lsp.enable (Neovim 0.11+)
---------------------------------------------------------------------------
-- The same settings can go in ~/.config/nvim/lsp/syntaqlite.lua (which returns
-- the table below). Then `vim.lsp.enable('syntaqlite')` is all init.lua needs.
function M.setup_config(opts)
  local o = defaults(opts)
  vim.lsp.config('syntaqlite', {
    cmd = o.cmd,
    filetypes = o.filetypes,
    root_markers = M.root_markers,
    init_options = o.init_options,
  })
  vim.lsp.enable('syntaqlite')
end

-- Uses snippet 3 where Neovim supports it (0.11+), and snippet 1 elsewhere.
function M.setup(opts)
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    M.setup_config(opts)
  else
    M.setup_native(opts)
  end
end

return M
