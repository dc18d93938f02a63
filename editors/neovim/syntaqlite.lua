-- syntaqlite language server for Neovim.
--
-- The server is `syntaqlite lsp`. It talks LSP over stdio. Install it with:
--
--     pip install 'syntaqlite-py[lsp]'
--
-- This file holds three ways to register the server. Use ONE of them,
-- because each one starts its own client:
--
--   1. setup_native()     plain `vim.lsp.start` from a FileType autocmd
--                         (Neovim 0.8+, no plugins needed)
--   2. setup_lspconfig()  a custom server for nvim-lspconfig
--   3. setup_config()     `vim.lsp.config` + `vim.lsp.enable` (Neovim 0.11+)
--
-- Each function stands on its own, so you can copy just the one you want into
-- your init.lua. You can also keep this file as
-- ~/.config/nvim/lua/syntaqlite.lua and call one of them:
--
--     require('syntaqlite').setup_native()
--
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
-- the same keys the VS Code extension uses.

local M = {}

-- Files that mark a project root. The first one found walking up from the
-- buffer wins. If none is found, the file's own directory is used.
M.root_markers = { 'syntaqlite.toml', 'pyproject.toml', '.git' }

local function defaults(opts)
  opts = opts or {}
  return {
    cmd = opts.cmd or { 'syntaqlite', 'lsp' },
    init_options = opts.init_options or { sqliteVersion = 'latest', sqliteCflags = {} },
    filetypes = opts.filetypes or { 'sql' },
  }
end

---------------------------------------------------------------------------
-- Snippet 1: plain vim.lsp.start (Neovim 0.8+)
---------------------------------------------------------------------------
-- vim.lsp.start() reuses a running client when the name and root_dir match.
-- So opening many SQL files in one project starts only one server.
function M.setup_native(opts)
  local o = defaults(opts)
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('syntaqlite_lsp', { clear = true }),
    pattern = o.filetypes,
    callback = function(args)
      local fname = vim.api.nvim_buf_get_name(args.buf)
      local start = fname ~= '' and vim.fs.dirname(fname) or (vim.uv or vim.loop).cwd()
      local marker = vim.fs.find(M.root_markers, { upward = true, path = start })[1]
      vim.lsp.start({
        name = 'syntaqlite',
        cmd = o.cmd,
        root_dir = marker and vim.fs.dirname(marker) or start,
        init_options = o.init_options,
      }, { bufnr = args.buf })
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
          return lspconfig.util.root_pattern(unpack(M.root_markers))(fname)
            or vim.fs.dirname(fname)
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

-- Uses snippet 3 where Neovim supports it, and snippet 1 elsewhere.
function M.setup(opts)
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    M.setup_config(opts)
  else
    M.setup_native(opts)
  end
end

return M
