import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { AppProvider } from './app/provider'
import { createRouter } from './app/router'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')

// Not a top-level await: page chunks import from this one, which they could not while it waits.
void createRouter().then((router) =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  ),
)
